package io.kubelite.scheduler.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * Places a whole batch of pods by min-cost flow, in rounds. Each round solves the {@link SchedulingGraph} of
 * the pods not yet placed against the resources not yet taken; then every node the round overfilled in some
 * resource (classes mixed beyond it, which the flow model cannot see) gives back pods, one at a time, each
 * time of the class requesting most of the most overfilled resource, until it fits. Pods given back, and
 * pods the round left pending, go to the next round; a round that needs no repair ends the batch. Should the
 * last allowed round still need repair, the pods it gave back are placed one at a time, each on the fitting
 * node of least cost; so a pod stays pending only when no node can take it.
 *
 * <p>The result never puts a node over any resource. When the first round needs no repair the result is
 * optimal for the cost model among all placements that fit ({@link BatchPlacement#provablyOptimal()}).
 */
public final class BatchPlanner {

    private final CostBands bands;
    private final int maxRounds;
    private final MinCostFlowSolver solver = new MinCostFlowSolver();

    public BatchPlanner(CostBands bands, int maxRounds) {
        if (maxRounds < 1) {
            throw new IllegalArgumentException("at least one round is needed");
        }
        this.bands = bands;
        this.maxRounds = maxRounds;
    }

    public BatchPlacement place(PlacementProblem problem) {
        int classes = problem.classCount();
        int nodes = problem.nodeCount();
        boolean[][] allowed = allowed(problem);
        long[][] free = freeResources(problem);
        int[][] kept = new int[classes][nodes];
        int[] remaining = problem.classCounts().clone();
        long lowerBound = 0;
        int round = 0;
        boolean repaired = true;
        while (repaired && round < maxRounds) {
            round++;
            SchedulingGraph graph = new SchedulingGraph(problem, bands, remaining, free, kept, allowed);
            FlowSolution solution = solver.solve(graph.network());
            if (round == 1) {
                lowerBound = solution.totalCost();
            }
            int[][] placed = new int[classes][nodes];
            int[] pending = graph.decode(solution, placed);
            int[] givenBack = repair(problem, placed, free);
            repaired = false;
            for (int c = 0; c < classes; c++) {
                repaired |= givenBack[c] > 0;
                remaining[c] = pending[c] + givenBack[c];
                for (int n = 0; n < nodes; n++) {
                    kept[c][n] += placed[c][n];
                }
            }
        }
        if (repaired) {
            placeOneByOne(problem, remaining, free, kept, allowed);
        }
        return result(problem, kept, remaining, lowerBound, round);
    }

    /**
     * After the last round, the pods it gave back go one at a time to the node where the model prices them
     * lowest among those they fit, so that no pod stays pending while a node could take it.
     */
    private void placeOneByOne(PlacementProblem problem, int[] remaining, long[][] free, int[][] kept,
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

    /** The flow network of a batch's first round, whose optimum is the batch's lower bound. */
    public FlowNetwork firstRoundNetwork(PlacementProblem problem) {
        return new SchedulingGraph(problem, bands, problem.classCounts().clone(), freeResources(problem),
                new int[problem.classCount()][problem.nodeCount()], allowed(problem)).network();
    }

    private static long[][] freeResources(PlacementProblem problem) {
        long total = 0;
        for (int count : problem.classCounts()) {
            total += count;
        }
        if (total > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("a batch of " + total + " pods is too large for one flow");
        }
        long[][] free = new long[problem.nodeCount()][problem.resourceCount()];
        for (int n = 0; n < free.length; n++) {
            for (int r = 0; r < free[n].length; r++) {
                free[n][r] = Math.max(0, problem.nodeAllocatable()[n][r] - problem.nodeRequested()[n][r]);
            }
        }
        return free;
    }

    private static boolean[][] allowed(PlacementProblem problem) {
        boolean[][] allowed = new boolean[problem.classCount()][problem.nodeCount()];
        for (int c = 0; c < allowed.length; c++) {
            if (problem.classCounts()[c] > 0) {
                for (int n = 0; n < allowed[c].length; n++) {
                    allowed[c][n] = problem.filter().feasible(c, n);
                }
            }
        }
        return allowed;
    }

    /**
     * Takes pods off every node the round overfilled until it fits, then charges what stays to {@code free}.
     * Returns the pods of each class taken off. A node keeps at least one pod, since every class it received
     * fits it alone.
     */
    private static int[] repair(PlacementProblem problem, int[][] placed, long[][] free) {
        int classes = problem.classCount();
        int resources = problem.resourceCount();
        long[][] requests = problem.classRequests();
        int[] givenBack = new int[classes];
        long[] used = new long[resources];
        for (int n = 0; n < problem.nodeCount(); n++) {
            java.util.Arrays.fill(used, 0);
            boolean any = false;
            for (int c = 0; c < classes; c++) {
                int count = placed[c][n];
                if (count > 0) {
                    any = true;
                    for (int r = 0; r < resources; r++) {
                        used[r] += count * requests[c][r];
                    }
                }
            }
            if (!any) {
                continue;
            }
            int worst;
            while ((worst = mostOverfilled(used, free[n])) >= 0) {
                int victim = -1;
                for (int c = 0; c < classes; c++) {
                    if (placed[c][n] > 0 && (victim < 0 || requests[c][worst] > requests[victim][worst])) {
                        victim = c;
                    }
                }
                placed[victim][n]--;
                givenBack[victim]++;
                for (int r = 0; r < resources; r++) {
                    used[r] -= requests[victim][r];
                }
            }
            for (int r = 0; r < resources; r++) {
                free[n][r] -= used[r];
            }
        }
        return givenBack;
    }

    /** The resource a node exceeds by the largest share of its free amount, or -1 if it fits. */
    private static int mostOverfilled(long[] used, long[] free) {
        int worst = -1;
        double worstShare = 0;
        for (int r = 0; r < used.length; r++) {
            if (used[r] > free[r]) {
                double share = (double) (used[r] - free[r]) / Math.max(1, free[r]);
                if (worst < 0 || share > worstShare) {
                    worst = r;
                    worstShare = share;
                }
            }
        }
        return worst;
    }

    private BatchPlacement result(PlacementProblem problem, int[][] kept, int[] pending, long lowerBound,
            int rounds) {
        List<Assignment> assignments = new ArrayList<>();
        long placementCost = 0;
        for (int c = 0; c < kept.length; c++) {
            for (int n = 0; n < kept[c].length; n++) {
                if (kept[c][n] > 0) {
                    assignments.add(new Assignment(c, n, kept[c][n]));
                    placementCost += bands.totalCost(problem.cost(), c, n, kept[c][n]);
                }
            }
        }
        long pendingCost = SchedulingGraph.pendingCost(problem);
        long pendingPods = 0;
        for (int count : pending) {
            pendingPods += count;
        }
        return new BatchPlacement(List.copyOf(assignments), pending, placementCost, pendingCost,
                placementCost + pendingCost * pendingPods, lowerBound, rounds);
    }
}
