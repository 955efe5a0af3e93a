package io.kubelite.scheduler.flow;

/**
 * Makes a relaxed flow's placement fit: takes pods off the nodes it overfills, and places pods one by one where
 * they still fit.
 */
final class PlacementRepair {

    private PlacementRepair() {
    }

    /**
     * Takes pods off every node the round overfilled until it fits, then charges what stays to {@code free}.
     * Returns the pods of each class taken off. A node keeps at least one pod, since every class it received
     * fits it alone.
     */
    static int[] giveBack(PlacementProblem problem, int[][] placed, long[][] free) {
        int[] givenBack = new int[problem.classCount()];
        for (int n = 0; n < problem.nodeCount(); n++) {
            Placements.Overfill overfill;
            while ((overfill = Placements.worstOverfill(problem, placed, n, free[n])) != null) {
                int victim = Placements.largestRequester(problem, placed, n, overfill.resource());
                placed[victim][n]--;
                givenBack[victim]++;
            }
            for (int r = 0; r < free[n].length; r++) {
                free[n][r] -= Placements.used(problem, placed, n, r);
            }
        }
        return givenBack;
    }

    /**
     * After the last round, the pods it gave back go one at a time to the node where the model prices them
     * lowest among those they fit, so that no pod stays pending while a node could take it.
     */
    static void placeOneByOne(PlacementProblem problem, CostBands bands, int[] remaining, long[][] free, int[][] kept,
            boolean[][] allowed) {
        long[][] requests = problem.classRequests();
        long[] podCost = new long[free.length];
        for (int c = 0; c < remaining.length; c++) {
            if (remaining[c] == 0) {
                continue;
            }
            for (int n = 0; n < free.length; n++) {
                podCost[n] = allowed[c][n] ? bands.podCost(problem.cost(), c, n, kept[c][n]) : Long.MAX_VALUE;
            }
            while (remaining[c] > 0) {
                int best = -1;
                for (int n = 0; n < free.length; n++) {
                    if (podCost[n] != Long.MAX_VALUE && (best < 0 || podCost[n] < podCost[best])
                            && SchedulingGraph.slots(requests[c], free[n]) > 0) {
                        best = n;
                    }
                }
                if (best < 0) {
                    break;
                }
                kept[c][best]++;
                remaining[c]--;
                for (int r = 0; r < requests[c].length; r++) {
                    free[best][r] -= requests[c][r];
                }
                podCost[best] = bands.podCost(problem.cost(), c, best, kept[c][best]);
            }
        }
    }

    /**
     * A copy of a flow's placement made to fit {@code free}: pods taken off overfilled nodes, then placed one by
     * one where they fit. {@code pending} becomes the pods still pending.
     */
    static int[][] fit(PlacementProblem problem, CostBands bands, int[][] placed, int[] pending, long[][] free,
            boolean[][] allowed) {
        int[][] fitting = Placements.copy(placed);
        long[][] left = Placements.copy(free);
        int[] givenBack = giveBack(problem, fitting, left);
        for (int c = 0; c < pending.length; c++) {
            pending[c] += givenBack[c];
        }
        placeOneByOne(problem, bands, pending, left, fitting, allowed);
        return fitting;
    }
}
