package io.kubelite.scheduler.flow;

/**
 * The best objective over every placement of a tiny batch that fits every node, found by trying them all:
 * each class's pods are split in every way among the allowed nodes and pending.
 */
final class BruteForcePlacement {

    private final PlacementProblem problem;
    private final CostBands bands;
    private final long pendingCost;
    private final int[][] counts;
    private long best = Long.MAX_VALUE;

    private BruteForcePlacement(PlacementProblem problem, CostBands bands) {
        this.problem = problem;
        this.bands = bands;
        this.pendingCost = SchedulingGraph.pendingCost(problem);
        this.counts = new int[problem.classCount()][problem.nodeCount()];
    }

    static long bestObjective(PlacementProblem problem, CostBands bands) {
        BruteForcePlacement search = new BruteForcePlacement(problem, bands);
        search.split(0, 0, problem.classCount() == 0 ? 0 : problem.classCounts()[0]);
        return search.best;
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
        int most = problem.filter().feasible(podClass, node) ? left : 0;
        for (int count = 0; count <= most; count++) {
            counts[podClass][node] = count;
            split(podClass, node + 1, left - count);
        }
        counts[podClass][node] = 0;
    }

    private void evaluate() {
        long objective = 0;
        for (int n = 0; n < problem.nodeCount(); n++) {
            for (int r = 0; r < problem.resourceCount(); r++) {
                long added = 0;
                for (int c = 0; c < problem.classCount(); c++) {
                    added += counts[c][n] * problem.classRequests()[c][r];
                }
                // a node already over its allocatable (it shrank) keeps its pods but takes no new request
                if (added > 0 && problem.nodeRequested()[n][r] + added > problem.nodeAllocatable()[n][r]) {
                    return;
                }
            }
        }
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
