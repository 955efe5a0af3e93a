package io.kubelite.scheduler.flow;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * One round of a batch as a flow network. Flow nodes: one per pod class (supplying its remaining pods), one
 * per cluster node, and the sink (demanding them all). Arcs:
 * <ul>
 *   <li>class → node, only where the filter allows the class and at least one pod of it fits the node's free
 *       resources; its capacity is the class's <em>slots</em> on the node, how many of its pods alone fit
 *       (at most its remaining count), split into parallel arcs along the {@link CostBands}, each with its
 *       band's cost;</li>
 *   <li>node → sink, cost 0, capacity the node's {@link NodeCapacity};</li>
 *   <li>class → sink, the "unscheduled" arc: capacity the class's count, cost {@link #pendingCost}, more than
 *       any augmenting path of placements can cost, so a pod stays pending only when no slot is left for it.</li>
 * </ul>
 * The integral flows of the network are exactly the placements that keep every class within its slots and
 * every node within its capacity; with {@link NodeCapacity#GUARANTEED} each of them fits every resource.
 */
final class SchedulingGraph {

    /** What the node → sink arc allows. */
    enum NodeCapacity {
        /**
         * The largest k such that <em>any</em> k pods of the classes that reach the node, each class within
         * its slots, fit every resource: per resource, the largest pods are counted first. Every flow fits.
         */
        GUARANTEED,
        /**
         * For each resource, the free amount over the smallest request among the classes that reach the node;
         * the least of those. Every placement that fits is a flow, so the optimum is a lower bound.
         */
        RELAXED
    }

    private final PlacementProblem problem;
    private final CostBands bands;
    private final int[] remaining;
    private final FlowNetwork network;
    private final int sink;
    private final int[] pendingArc;
    private final int[] nodeArc;
    private final int[] nodeCapacity;
    private final boolean[] conservative;
    private int[] arcClass;
    private int[] arcNode;
    private int placementArcs;

    /**
     * @param remaining pods of each class still to place
     * @param free      each node's free amount of each resource
     * @param placed    pods of each class (row) already placed on each node (column) by earlier rounds
     */
    SchedulingGraph(PlacementProblem problem, CostBands bands, int[] remaining, long[][] free, int[][] placed,
            boolean[][] allowed, NodeCapacity capacity) {
        this.problem = problem;
        this.bands = bands;
        this.remaining = remaining;
        int classes = problem.classCount();
        int nodes = problem.nodeCount();
        this.sink = classes + nodes;
        this.network = new FlowNetwork(classes + nodes + 1, classes * 8 + nodes + classes);
        this.pendingArc = new int[classes];
        this.nodeArc = new int[nodes];
        this.nodeCapacity = new int[nodes];
        this.conservative = new boolean[nodes];
        this.arcClass = new int[network.arcCount() + 1024];
        this.arcNode = new int[arcClass.length];
        long total = 0;
        for (int c = 0; c < classes; c++) {
            network.setSupply(c, remaining[c]);
            total += remaining[c];
        }
        network.setSupply(sink, (int) -total);
        int[][] largestFirst = largestRequestFirst(problem.classRequests());
        int[] slots = new int[classes];
        for (int n = 0; n < nodes; n++) {
            nodeArc[n] = -1;
            long slotSum = 0;
            for (int c = 0; c < classes; c++) {
                slots[c] = remaining[c] == 0 || !allowed[c][n] ? 0
                        : (int) Math.min(remaining[c], slots(problem.classRequests()[c], free[n]));
                if (slots[c] > 0) {
                    addPlacementArcs(c, n, placed[c][n], slots[c]);
                    slotSum += slots[c];
                }
            }
            if (slotSum == 0) {
                continue;
            }
            long guaranteed = guaranteedCapacity(problem.classRequests(), largestFirst, slots, free[n]);
            long relaxed = Math.min(slotSum, relaxedCapacity(problem.classRequests(), slots, free[n]));
            conservative[n] = guaranteed < relaxed;
            nodeCapacity[n] = (int) (capacity == NodeCapacity.GUARANTEED ? guaranteed : relaxed);
            nodeArc[n] = network.addArc(classes + n, sink, nodeCapacity[n], 0);
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

    /**
     * The largest k such that every choice of k pods, at most {@code slots[c]} of class c, fits {@code free}:
     * for each resource, pods are counted largest request first until the next would not fit.
     */
    static long guaranteedCapacity(long[][] requests, int[][] largestFirst, int[] slots, long[] free) {
        long capacity = Long.MAX_VALUE;
        for (int r = 0; r < free.length; r++) {
            long left = free[r];
            long count = 0;
            for (int c : largestFirst[r]) {
                if (slots[c] == 0) {
                    continue;
                }
                long request = requests[c][r];
                long taken = request == 0 ? slots[c] : Math.min(slots[c], left / request);
                count += taken;
                left -= taken * request;
                if (taken < slots[c]) {
                    break;
                }
            }
            capacity = Math.min(capacity, count);
        }
        return capacity;
    }

    /** For each resource, free amount over the smallest request of a class with slots; the least of those. */
    private static long relaxedCapacity(long[][] requests, int[] slots, long[] free) {
        long capacity = Long.MAX_VALUE;
        for (int r = 0; r < free.length; r++) {
            long smallest = Long.MAX_VALUE;
            for (int c = 0; c < slots.length; c++) {
                if (slots[c] > 0) {
                    smallest = Math.min(smallest, requests[c][r]);
                }
            }
            if (smallest > 0) {
                capacity = Math.min(capacity, free[r] / smallest);
            }
        }
        return capacity;
    }

    /** For each resource, the class indexes ordered by that resource's request, largest first. */
    static int[][] largestRequestFirst(long[][] requests) {
        int resources = requests.length == 0 ? 0 : requests[0].length;
        int[][] order = new int[resources][];
        for (int r = 0; r < resources; r++) {
            int resource = r;
            order[r] = IntStream.range(0, requests.length).boxed()
                    .sorted((a, b) -> Long.compare(requests[b][resource], requests[a][resource]))
                    .mapToInt(Integer::intValue).toArray();
        }
        return order;
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
            arcClass = Arrays.copyOf(arcClass, arc * 2);
            arcNode = Arrays.copyOf(arcNode, arc * 2);
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

    /**
     * Whether the flow fills some node to a capacity below what the relaxation allows there: only then can
     * the relaxation do better, and only then may a later round place more.
     */
    boolean fillsAConservativeNode(FlowSolution solution) {
        for (int n = 0; n < nodeArc.length; n++) {
            if (conservative[n] && solution.flow(nodeArc[n]) == nodeCapacity[n]) {
                return true;
            }
        }
        return false;
    }
}
