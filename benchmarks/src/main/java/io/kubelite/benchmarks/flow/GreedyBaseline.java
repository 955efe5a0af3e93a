package io.kubelite.benchmarks.flow;

import io.kubelite.scheduler.flow.CostBands;
import io.kubelite.scheduler.flow.PlacementProblem;

/**
 * The yardstick for placement quality: one pod at a time, the classes taken in turn, each pod to the node of
 * least model cost (the same {@link CostBands} step costs the flow minimizes) that still fits it. Its objective
 * is comparable with {@code BatchPlacement.objective()}.
 */
final class GreedyBaseline {

    static long objective(PlacementProblem problem, CostBands bands, long pendingCost) {
        int classes = problem.classCount();
        int nodes = problem.nodeCount();
        int resources = problem.resourceCount();
        long[][] free = new long[nodes][resources];
        for (int n = 0; n < nodes; n++) {
            for (int r = 0; r < resources; r++) {
                free[n][r] = Math.max(0, problem.nodeAllocatable()[n][r] - problem.nodeRequested()[n][r]);
            }
        }
        int[][] placed = new int[classes][nodes];
        int[] left = problem.classCounts().clone();
        long objective = 0;
        boolean more = true;
        while (more) {
            more = false;
            for (int c = 0; c < classes; c++) {
                if (left[c] == 0) {
                    continue;
                }
                more = true;
                left[c]--;
                int best = -1;
                long bestCost = Long.MAX_VALUE;
                for (int n = 0; n < nodes; n++) {
                    if (problem.filter().feasible(c, n) && fits(problem.classRequests()[c], free[n])) {
                        long cost = marginalCost(problem, bands, c, n, placed[c][n]);
                        if (cost < bestCost) {
                            bestCost = cost;
                            best = n;
                        }
                    }
                }
                if (best < 0) {
                    objective += pendingCost;
                    continue;
                }
                placed[c][best]++;
                objective += bestCost;
                for (int r = 0; r < resources; r++) {
                    free[best][r] -= problem.classRequests()[c][r];
                }
            }
        }
        return objective;
    }

    private static boolean fits(long[] request, long[] free) {
        for (int r = 0; r < request.length; r++) {
            if (request[r] > free[r]) {
                return false;
            }
        }
        return true;
    }

    /** What pod number {@code k} of a class on a node adds to the model's cost. */
    private static long marginalCost(PlacementProblem problem, CostBands bands, int podClass, int node, int k) {
        return bands.totalCost(problem.cost(), podClass, node, k + 1) - bands.totalCost(problem.cost(), podClass, node, k);
    }

    private GreedyBaseline() {
    }
}
