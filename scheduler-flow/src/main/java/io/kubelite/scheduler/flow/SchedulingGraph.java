package io.kubelite.scheduler.flow;

/**
 * One round of a batch as a flow network. Flow nodes: one per pod class (supplying its remaining pods), one
 * per cluster node, and the sink (demanding them all). Arcs:
 * <ul>
 *   <li>class → node, only where the filter allows the class and at least one pod of it fits the node's free
 *       resources; its capacity is how many pods of the class alone would fit ("slots"), split into parallel
 *       arcs along the {@link CostBands}, each with its band's cost;</li>
 *   <li>node → sink, cost 0, capacity the most pods of any mix of the classes that reach the node could fit:
 *       for each resource, free amount over the smallest request among those classes;</li>
 *   <li>class → sink, the "unscheduled" arc: capacity the class's count, cost {@link #pendingCost}, more than
 *       any augmenting path of placements can cost, so a pod stays pending only when no slot is left for it.</li>
 * </ul>
 * Every placement that fits the cluster is a flow of this network (slots and the node bound are necessary
 * conditions), so its optimum bounds the real optimum from below; it may, however, mix classes on a node
 * beyond one of its resources, which {@link BatchPlanner} repairs.
 */
final class SchedulingGraph {

    private final PlacementProblem problem;
    private final CostBands bands;
    private final int[] remaining;
    private final FlowNetwork network;
    private final int sink;
    private final int[] pendingArc;
    private int[] arcClass;
    private int[] arcNode;
    private int placementArcs;

    /**
     * @param remaining pods of each class still to place
     * @param free      each node's free amount of each resource
     * @param placed    pods of each class (row) already placed on each node (column) by earlier rounds
     */
    SchedulingGraph(PlacementProblem problem, CostBands bands, int[] remaining, long[][] free, int[][] placed,
            boolean[][] allowed) {
        this.problem = problem;
        this.bands = bands;
        this.remaining = remaining;
        int classes = problem.classCount();
        int nodes = problem.nodeCount();
        this.sink = classes + nodes;
        this.network = new FlowNetwork(classes + nodes + 1, classes * 8 + nodes + classes);
        this.pendingArc = new int[classes];
        this.arcClass = new int[network.arcCount() + 1024];
        this.arcNode = new int[arcClass.length];
        long total = 0;
        for (int c = 0; c < classes; c++) {
            network.setSupply(c, remaining[c]);
            total += remaining[c];
        }
        network.setSupply(sink, (int) -total);
        long[] smallestRequest = new long[problem.resourceCount()];
        for (int n = 0; n < nodes; n++) {
            java.util.Arrays.fill(smallestRequest, Long.MAX_VALUE);
            boolean reachable = false;
            for (int c = 0; c < classes; c++) {
                if (remaining[c] == 0 || !allowed[c][n]) {
                    continue;
                }
                long[] request = problem.classRequests()[c];
                int slots = (int) Math.min(remaining[c], slots(request, free[n]));
                if (slots > 0) {
                    addPlacementArcs(c, n, placed[c][n], slots);
                    reachable = true;
                    for (int r = 0; r < request.length; r++) {
                        smallestRequest[r] = Math.min(smallestRequest[r], request[r]);
                    }
                }
            }
            if (reachable) {
                network.addArc(classes + n, sink, (int) Math.min(total, slots(smallestRequest, free[n])), 0);
            }
        }
        for (int c = 0; c < classes; c++) {
            pendingArc[c] = network.addArc(c, sink, remaining[c], pendingCost(problem));
        }
    }

    /** The cost of leaving one pod pending: above the cost of any augmenting path of placements. */
    static long pendingCost(PlacementProblem problem) {
        return (long) PlacementCost.MAX_PLACEMENT_COST * problem.classCount() + 1;
    }

    /** How many pods requesting {@code request} fit into {@code free}; a request of nothing fits without limit. */
    static long slots(long[] request, long[] free) {
        long slots = Long.MAX_VALUE;
        for (int r = 0; r < request.length; r++) {
            if (request[r] > 0 && request[r] != Long.MAX_VALUE) {
                slots = Math.min(slots, free[r] / request[r]);
            }
        }
        return slots;
    }

    /** One arc per run of bands of equal cost, covering pods {@code alreadyPlaced .. alreadyPlaced+slots-1}. */
    private void addPlacementArcs(int podClass, int node, int alreadyPlaced, int slots) {
        int bandCost = 0;
        int first = bands.bandOf(alreadyPlaced);
        for (int band = 0; band < first; band++) {
            bandCost = bands.costOf(problem.cost(), podClass, node, band, bandCost);
        }
        int end = alreadyPlaced + slots;
        int runStart = alreadyPlaced;
        int runCost = -1;
        for (int band = first, start = alreadyPlaced; start < end; band++) {
            bandCost = bands.costOf(problem.cost(), podClass, node, band, bandCost);
            if (bandCost != runCost && start > runStart) {
                remember(network.addArc(podClass, problem.classCount() + node, start - runStart, runCost), podClass,
                        node);
                runStart = start;
            }
            runCost = bandCost;
            start = (int) Math.min(end, (long) bands.endOf(band));
        }
        remember(network.addArc(podClass, problem.classCount() + node, end - runStart, runCost), podClass, node);
    }

    private void remember(int arc, int podClass, int node) {
        if (arc >= arcClass.length) {
            arcClass = java.util.Arrays.copyOf(arcClass, arc * 2);
            arcNode = java.util.Arrays.copyOf(arcNode, arc * 2);
        }
        arcClass[arc] = podClass;
        arcNode[arc] = node;
        placementArcs = arc + 1;
    }

    FlowNetwork network() {
        return network;
    }

    /** Adds each placement arc's flow to {@code counts[class][node]}; returns the pods sent to pending per class. */
    int[] decode(FlowSolution solution, int[][] counts) {
        if (!solution.feasible()) {
            throw new IllegalStateException("the pending arcs make every batch feasible, yet the flow was not");
        }
        for (int arc = 0; arc < placementArcs; arc++) {
            int flow = solution.flow(arc);
            if (flow > 0 && network.tail(arc) < problem.classCount() && network.head(arc) != sink) {
                counts[arcClass[arc]][arcNode[arc]] += flow;
            }
        }
        int[] pending = new int[remaining.length];
        for (int c = 0; c < pending.length; c++) {
            pending[c] = solution.flow(pendingArc[c]);
        }
        return pending;
    }
}
