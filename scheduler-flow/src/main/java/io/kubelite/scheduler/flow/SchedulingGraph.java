package io.kubelite.scheduler.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One round of a batch as a flow network. Flow nodes: one per pod class (supplying its remaining pods), one
 * per group of interchangeable cluster nodes, and the sink (demanding them all). Arcs:
 * <ul>
 *   <li>class → node, only where the filter allows the class and at least one pod of it fits the node's free
 *       resources; its capacity is the class's <em>slots</em> on the node, how many of its pods alone fit
 *       (at most its remaining count), split into parallel arcs along the {@link CostBands}, each with its
 *       band's cost;</li>
 *   <li>node → sink, cost 0, capacity the node's {@link NodeCapacity};</li>
 *   <li>class → sink, the "unscheduled" arc: capacity the class's count, cost {@link #pendingCost}, more than
 *       any augmenting path of placements can cost, so a pod stays pending only when no slot is left for it.</li>
 * </ul>
 * Cluster nodes whose arcs and capacity are equal (same classes allowed, same slots and costs: in a cluster of
 * a few machine types, most nodes) are interchangeable, so k of them become one flow node whose arcs carry k
 * times as much; {@link #decode} deals a group's flow evenly back to its nodes, which is a flow of the same
 * cost in the network of single nodes. The integral flows of the network are exactly the placements that keep
 * every class within its slots and every node within its capacity, up to that dealing; with
 * {@link NodeCapacity#GUARANTEED} each of them fits every resource.
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
    private final Prices prices;
    private final int[] remaining;
    private final FlowNetwork network;
    private final int sink;
    private final int[] pendingArc;
    private final int[] nodeCapacity;
    private final boolean[] conservative;
    private final List<int[]> groupMembers = new ArrayList<>();
    private final List<NodeRow> groupRows;
    private final int[] firstArcOfGroup;

    /**
     * @param remaining pods of each class still to place
     * @param free      each node's free amount of each resource
     * @param placed    pods of each class (row) already placed on each node (column) by earlier rounds
     * @param room      how many more pods of each class (row) each node (column) may take: 0 where the filter
     *                  rejects the class, {@link Integer#MAX_VALUE} where only resources limit it
     * @param prices    what each pod pays for its requests beside the model's cost, {@link Prices#NONE} for nothing
     */
    SchedulingGraph(PlacementProblem problem, CostBands bands, int[] remaining, long[][] free, int[][] placed,
            int[][] room, NodeCapacity capacity, Prices prices) {
        this.problem = problem;
        this.bands = bands;
        this.prices = prices;
        this.remaining = remaining;
        int classes = problem.classCount();
        int nodes = problem.nodeCount();
        this.nodeCapacity = new int[nodes];
        this.conservative = new boolean[nodes];
        this.pendingArc = new int[classes];
        this.groupRows = groupInterchangeableNodes(free, placed, room, capacity);
        this.firstArcOfGroup = new int[groupRows.size()];
        this.sink = classes + groupRows.size();
        this.network = new FlowNetwork(sink + 1, classes * 8 + groupRows.size() + classes);
        long total = 0;
        for (int c = 0; c < classes; c++) {
            network.setSupply(c, remaining[c]);
            total += remaining[c];
        }
        network.setSupply(sink, (int) -total);
        for (int g = 0; g < groupRows.size(); g++) {
            firstArcOfGroup[g] = network.arcCount();
            addPlacementArcs(g, groupRows.get(g), groupMembers.get(g).length);
        }
        for (int g = 0; g < groupRows.size(); g++) {
            long size = groupMembers.get(g).length;
            network.addArc(classes + g, sink, (int) Math.min(size * groupRows.get(g).capacity(), total), 0);
        }
        for (int c = 0; c < classes; c++) {
            pendingArc[c] = network.addArc(c, sink, remaining[c], pendingCost(problem) * prices.scale());
        }
    }

    /**
     * What one cluster node contributes to the network: its capacity and its placement arcs as (class, pods,
     * cost per pod) triples. Nodes of equal rows are interchangeable in the network.
     */
    private record NodeRow(int capacity, int[] arcs) {

        @Override
        public boolean equals(Object other) {
            return other instanceof NodeRow row && row.capacity == capacity && Arrays.equals(row.arcs, arcs);
        }

        @Override
        public int hashCode() {
            return 31 * capacity + Arrays.hashCode(arcs);
        }
    }

    /**
     * Computes each node's row and groups the nodes of equal rows, in order of first appearance; returns the
     * rows of the groups, whose members go to {@link #groupMembers}. Nodes no class can use join no group.
     */
    private List<NodeRow> groupInterchangeableNodes(long[][] free, int[][] placed, int[][] room,
            NodeCapacity capacity) {
        int classes = problem.classCount();
        int[][] largestFirst = largestRequestFirst(problem.classRequests());
        int[] slots = new int[classes];
        Map<NodeRow, Integer> groupOfRow = new HashMap<>();
        List<NodeRow> rows = new ArrayList<>();
        List<int[]> members = new ArrayList<>();
        int[] memberCount = new int[0];
        int[] groupOfNode = new int[problem.nodeCount()];
        RowBuilder arcs = new RowBuilder();
        for (int n = 0; n < problem.nodeCount(); n++) {
            groupOfNode[n] = -1;
            arcs.clear();
            long slotSum = 0;
            for (int c = 0; c < classes; c++) {
                slots[c] = (int) Math.min(Math.min(remaining[c], room[c][n]),
                        slots(problem.classRequests()[c], free[n]));
                if (slots[c] > 0) {
                    addRowArcs(arcs, c, n, placed[c][n], slots[c]);
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
            NodeRow row = new NodeRow(nodeCapacity[n], arcs.toArray());
            int group = groupOfRow.computeIfAbsent(row, r -> {
                rows.add(r);
                return rows.size() - 1;
            });
            if (group == memberCount.length) {
                memberCount = Arrays.copyOf(memberCount, Math.max(16, group * 2));
            }
            memberCount[group]++;
            groupOfNode[n] = group;
        }
        for (int g = 0; g < rows.size(); g++) {
            members.add(new int[memberCount[g]]);
            memberCount[g] = 0;
        }
        for (int n = 0; n < groupOfNode.length; n++) {
            int group = groupOfNode[n];
            if (group >= 0) {
                members.get(group)[memberCount[group]++] = n;
            }
        }
        groupMembers.addAll(members);
        return rows;
    }

    /**
     * A group of k interchangeable nodes as one flow node: each arc of the row takes k times its pods (k nodes
     * filled band by band cost what the k-fold arcs cost), at most the class's remaining pods; the group's sink
     * arc takes k times the node capacity.
     */
    private void addPlacementArcs(int group, NodeRow row, int size) {
        int node = problem.classCount() + group;
        int[] arcs = row.arcs();
        for (int i = 0; i < arcs.length; i += 3) {
            int podClass = arcs[i];
            network.addArc(podClass, node, (int) Math.min((long) size * arcs[i + 1], remaining[podClass]),
                    arcs[i + 2]);
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

    /**
     * One arc per run of bands of equal cost, covering pods {@code alreadyPlaced .. alreadyPlaced+slots-1}, each
     * pod at its band's cost times the price scale plus its price.
     */
    private void addRowArcs(RowBuilder arcs, int podClass, int node, int alreadyPlaced, int slots) {
        int scale = prices.scale();
        int price = prices.perPod(podClass, node);
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
                arcs.add(podClass, start - runStart, runCost * scale + price);
                runStart = start;
            }
            runCost = bandCost;
            start = (int) Math.min(end, (long) bands.endOf(band));
        }
        arcs.add(podClass, end - runStart, runCost * scale + price);
    }

    /** A growing int array of (class, pods, cost) triples, reused from node to node. */
    private static final class RowBuilder {
        private int[] values = new int[48];
        private int size;

        void clear() {
            size = 0;
        }

        void add(int podClass, int pods, int cost) {
            if (size + 3 > values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = podClass;
            values[size++] = pods;
            values[size++] = cost;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    FlowNetwork network() {
        return network;
    }

    /**
     * Prices the placement arcs anew, at the scale the graph was built with, keeping its shape: what the
     * subgradient steps of {@link LagrangianPrices} change. Each group is priced as its first node, so the new
     * prices must be equal on the nodes of a group.
     */
    void reprice(Prices newPrices) {
        if (newPrices.scale() != prices.scale()) {
            throw new IllegalArgumentException("prices of scale " + newPrices.scale() + " for a network built at "
                    + prices.scale());
        }
        for (int g = 0; g < groupRows.size(); g++) {
            int node = groupMembers.get(g)[0];
            int[] arcs = groupRows.get(g).arcs();
            for (int i = 0, arc = firstArcOfGroup[g]; i < arcs.length; i += 3, arc++) {
                int podClass = arcs[i];
                network.setCost(arc, arcs[i + 2] - prices.perPod(podClass, node) + newPrices.perPod(podClass, node));
            }
        }
    }

    /** The cluster nodes of each flow node that stands for interchangeable nodes (a node no class can use is in none). */
    List<int[]> groups() {
        return groupMembers;
    }

    /**
     * Adds the flow to {@code counts[class][node]} and returns the pods sent to pending per class. A group's
     * flow goes back to its nodes either dealt in turn or packed into as few nodes as possible; both keep
     * every node within its slots and capacity and cost what the flow paid.
     */
    int[] decode(FlowSolution solution, int[][] counts) {
        if (!solution.feasible()) {
            throw new IllegalStateException("the pending arcs make every batch feasible, yet the flow was not");
        }
        for (int g = 0; g < groupRows.size(); g++) {
            if (groupMembers.get(g).length == 1) {
                int[] arcs = groupRows.get(g).arcs();
                for (int i = 0, arc = firstArcOfGroup[g]; i < arcs.length; i += 3, arc++) {
                    counts[arcs[i]][groupMembers.get(g)[0]] += solution.flow(arc);
                }
            } else if (scorePacks(g)) {
                pack(g, solution, counts);
            } else {
                deal(g, solution, counts);
            }
        }
        int[] pending = new int[remaining.length];
        for (int c = 0; c < pending.length; c++) {
            pending[c] = solution.flow(pendingArc[c]);
        }
        return pending;
    }

    /**
     * Whether the caller's cost falls as the group's nodes fill, for every class, beyond what the bands price
     * (MostAllocated): the model is indifferent to how pods of a flat band are spread, the score is not.
     */
    private boolean scorePacks(int group) {
        int node = groupMembers.get(group)[0];
        int[] arcs = groupRows.get(group).arcs();
        int beyondBands = bands.bands() * bands.width();
        for (int i = 0; i < arcs.length; i += 3) {
            if (problem.cost().cost(arcs[i], node, beyondBands) > problem.cost().cost(arcs[i], node, 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Deals the group's pods to its nodes in turn, class after class: each node gets an equal share of each
     * class and of the group's total (within one pod), and convex band costs make equal shares cost what the
     * k-fold arcs charged.
     */
    private void deal(int group, FlowSolution solution, int[][] counts) {
        int[] members = groupMembers.get(group);
        int[] classFlow = new int[problem.classCount()];
        int[] arcs = groupRows.get(group).arcs();
        for (int i = 0, arc = firstArcOfGroup[group]; i < arcs.length; i += 3, arc++) {
            classFlow[arcs[i]] += solution.flow(arc);
        }
        int next = 0;
        for (int c = 0; c < classFlow.length; c++) {
            int share = classFlow[c] / members.length;
            int extra = classFlow[c] % members.length;
            for (int member : members) {
                counts[c][member] += share;
            }
            for (int i = 0; i < extra; i++) {
                counts[c][members[(next + i) % members.length]]++;
            }
            next = (next + extra) % members.length;
        }
    }

    /**
     * Packs the group's pods into its first nodes. A run the flow filled (k times its pods) gives each node its
     * pods; band costs rise from run to run, so a class has at most one partly used run, and its pods cost
     * the same on any node. Those go node by node, each taking as many as its capacity and the run allow,
     * less only what the nodes after it could not take.
     */
    private void pack(int group, FlowSolution solution, int[][] counts) {
        int[] members = groupMembers.get(group);
        int k = members.length;
        int[] arcs = groupRows.get(group).arcs();
        int runs = arcs.length / 3;
        int[] partial = new int[runs];
        int room = groupRows.get(group).capacity();
        for (int i = 0, arc = firstArcOfGroup[group]; i < runs; i++, arc++) {
            int flow = solution.flow(arc);
            int podClass = arcs[3 * i];
            int runPods = arcs[3 * i + 1];
            if (flow == (long) k * runPods) {
                for (int member : members) {
                    counts[podClass][member] += runPods;
                }
                room -= runPods;
            } else {
                partial[i] = flow;
            }
        }
        for (int m = 0; m < k; m++) {
            int after = k - 1 - m;
            int[] take = new int[runs];
            int left = room;
            for (int i = 0; i < runs; i++) {
                take[i] = (int) Math.max(0, partial[i] - (long) after * arcs[3 * i + 1]);
                left -= take[i];
            }
            for (int i = 0; i < runs && left > 0; i++) {
                int more = Math.min(left, Math.min(arcs[3 * i + 1], partial[i]) - take[i]);
                take[i] += more;
                left -= more;
            }
            for (int i = 0; i < runs; i++) {
                counts[arcs[3 * i]][members[m]] += take[i];
                partial[i] -= take[i];
            }
        }
    }

    /**
     * Whether the round's placement ({@code placed[class][node]}) fills some node to a capacity below what the
     * relaxation allows there: only then can the relaxation do better, and only then may a later round place more.
     */
    boolean fillsAConservativeNode(int[][] placed) {
        for (int n = 0; n < nodeCapacity.length; n++) {
            if (conservative[n]) {
                int total = 0;
                for (int[] classOnNodes : placed) {
                    total += classOnNodes[n];
                }
                if (total == nodeCapacity[n]) {
                    return true;
                }
            }
        }
        return false;
    }
}
