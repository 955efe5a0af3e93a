package io.kubelite.scheduler.flow;

/**
 * The best objective over every placement of a tiny batch, found by trying them all: each class's pods are
 * split in every way among the allowed nodes and pending. Either over every placement that fits every node,
 * or over the placements of the slot model: at most a class's slots (how many of its pods alone fit) on a
 * node, and at most the node's guaranteed capacity in all, found here by trying every mix within slots.
 */
final class BruteForcePlacement {

    private final PlacementProblem problem;
    private final CostBands bands;
    private final long pendingCost;
    private final int[][] counts;
    private final int[][] slots;
    private final int[] capacity;
    private long best = Long.MAX_VALUE;

    private BruteForcePlacement(PlacementProblem problem, CostBands bands, boolean slotModel) {
        this.problem = problem;
        this.bands = bands;
        this.pendingCost = SchedulingGraph.pendingCost(problem);
        this.counts = new int[problem.classCount()][problem.nodeCount()];
        this.slots = new int[problem.classCount()][problem.nodeCount()];
        this.capacity = new int[problem.nodeCount()];
        for (int n = 0; n < problem.nodeCount(); n++) {
            int slotSum = 0;
            for (int c = 0; c < problem.classCount(); c++) {
                if (problem.filter().feasible(c, n)) {
                    slots[c][n] = slotModel ? aloneFits(c, n) : problem.classCounts()[c];
                }
                slotSum += slots[c][n];
            }
            capacity[n] = slotModel ? guaranteedCapacity(n, 0, new int[problem.classCount()], slotSum) : slotSum;
        }
    }

    /** The least objective among all placements that fit every node. */
    static long bestObjective(PlacementProblem problem, CostBands bands) {
        return new BruteForcePlacement(problem, bands, false).search();
    }

    /** The least objective among the placements of the slot model. */
    static long bestSlotModelObjective(PlacementProblem problem, CostBands bands) {
        return new BruteForcePlacement(problem, bands, true).search();
    }

    private long search() {
        split(0, 0, problem.classCount() == 0 ? 0 : problem.classCounts()[0]);
        return best;
    }

    /** How many pods of the class fit the node's free resources alone, at most the class's count. */
    private int aloneFits(int podClass, int node) {
        int count = 0;
        while (count < problem.classCounts()[podClass] && fits(node, podClass, count + 1)) {
            count++;
        }
        return count;
    }

    private boolean fits(int node, int podClass, int pods) {
        int[] mix = new int[problem.classCount()];
        mix[podClass] = pods;
        return fits(node, mix);
    }

    private boolean fits(int node, int[] mix) {
        for (int r = 0; r < problem.resourceCount(); r++) {
            long added = 0;
            for (int c = 0; c < mix.length; c++) {
                added += mix[c] * problem.classRequests()[c][r];
            }
            // a node already over its allocatable (it shrank) keeps its pods but takes no new request
            if (added > 0 && problem.nodeRequested()[node][r] + added > problem.nodeAllocatable()[node][r]) {
                return false;
            }
        }
        return true;
    }

    /** One less than the fewest pods of any mix within slots that does not fit; all slots if every mix fits. */
    private int guaranteedCapacity(int node, int podClass, int[] mix, int bound) {
        if (podClass == mix.length) {
            int total = 0;
            for (int count : mix) {
                total += count;
            }
            return fits(node, mix) ? bound : Math.min(bound, total - 1);
        }
        for (int count = 0; count <= slots[podClass][node]; count++) {
            mix[podClass] = count;
            bound = guaranteedCapacity(node, podClass + 1, mix, bound);
        }
        mix[podClass] = 0;
        return bound;
    }

    private void split(int podClass, int node, int left) {
        if (podClass == problem.classCount()) {
            evaluate();
            return;
        }
        if (node == problem.nodeCount()) {
            int next = podClass + 1;
            split(next, 0, next < problem.classCount() ? problem.classCounts()[next] : 0);
            return;
        }
        int most = Math.min(left, slots[podClass][node]);
        for (int count = 0; count <= most; count++) {
            counts[podClass][node] = count;
            split(podClass, node + 1, left - count);
        }
        counts[podClass][node] = 0;
    }

    private void evaluate() {
        int[] mix = new int[problem.classCount()];
        for (int n = 0; n < problem.nodeCount(); n++) {
            int total = 0;
            for (int c = 0; c < mix.length; c++) {
                mix[c] = counts[c][n];
                total += mix[c];
            }
            if (total > capacity[n] || !fits(n, mix)) {
                return;
            }
        }
        long objective = 0;
        for (int c = 0; c < problem.classCount(); c++) {
            int placed = 0;
            for (int n = 0; n < problem.nodeCount(); n++) {
                placed += counts[c][n];
                objective += bands.totalCost(problem.cost(), c, n, counts[c][n]);
            }
            objective += pendingCost * (problem.classCounts()[c] - placed);
        }
        best = Math.min(best, objective);
    }
}
