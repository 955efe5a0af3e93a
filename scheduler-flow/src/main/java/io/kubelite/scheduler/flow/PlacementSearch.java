package io.kubelite.scheduler.flow;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Branch and bound over every placement of a batch that fits (docs/scheduler.md, "What optimal means"). A
 * search node narrows how many pods of some classes some nodes take, {@code atLeast[c][n] <= x <= atMost[c][n]};
 * its bound is the relaxation's optimum with the {@code atLeast} pods placed first and at most
 * {@code atMost - atLeast} more allowed, which no fitting placement within those limits undercuts. A node
 * whose bound is not below the best objective known is cut off; a relaxed flow that fits every node is a
 * placement, and the new best. Otherwise the flow overfills some node n, and with pods of class c there
 * (x pods in all, the class requesting most of the resource n exceeds most) every placement has either
 * at most x - 1 or at least x of them: the two children, searched depth first, fewer first. Each child narrows
 * one interval, so the search ends; when it has searched every node the best placement is optimal.
 */
final class PlacementSearch {

    private final PlacementProblem problem;
    private final CostBands bands;
    private final MinCostFlowSolver solver;
    private final int classes;
    private final int nodes;
    private final long[][] requests;
    private final int[][] atLeast;
    private final int[][] atMost;
    private final int[][] room;
    private final long[][] free;
    private final int[] remaining;
    private long placedCost;
    private long bestObjective;
    private int[][] best;
    private int searched;

    /** Where the search ended: the best placement found, its objective, and whether it is proven optimal. */
    record Outcome(int[][] kept, long objective, boolean optimal, int searched) {
    }

    /**
     * One branching: class c on node n, split at x pods, with the limits it found there; the first child (at
     * most x - 1) is searched first.
     */
    private static final class Branch {
        final int podClass;
        final int node;
        final int split;
        final int atLeastBefore;
        final int atMostBefore;
        boolean secondChild;

        Branch(int podClass, int node, int split, int atLeastBefore, int atMostBefore) {
            this.podClass = podClass;
            this.node = node;
            this.split = split;
            this.atLeastBefore = atLeastBefore;
            this.atMostBefore = atMostBefore;
        }
    }

    PlacementSearch(PlacementProblem problem, CostBands bands, MinCostFlowSolver solver, boolean[][] allowed,
            long[][] free) {
        this.problem = problem;
        this.bands = bands;
        this.solver = solver;
        this.classes = problem.classCount();
        this.nodes = problem.nodeCount();
        this.requests = problem.classRequests();
        this.atLeast = new int[classes][nodes];
        this.atMost = new int[classes][nodes];
        this.room = new int[classes][nodes];
        for (int c = 0; c < classes; c++) {
            for (int n = 0; n < nodes; n++) {
                atMost[c][n] = allowed[c][n] ? Integer.MAX_VALUE : 0;
                room[c][n] = atMost[c][n];
            }
        }
        this.free = new long[nodes][];
        for (int n = 0; n < nodes; n++) {
            this.free[n] = free[n].clone();
        }
        this.remaining = problem.classCounts().clone();
    }

    /**
     * Searches until every node is searched or {@code deadline} (a {@link System#nanoTime()}) passes, starting
     * from a known placement {@code kept} of objective {@code objective}.
     */
    Outcome search(int[][] kept, long objective, long deadline) {
        this.best = kept;
        this.bestObjective = objective;
        Deque<Branch> path = new ArrayDeque<>();
        while (true) {
            if (System.nanoTime() - deadline > 0) {
                return new Outcome(best, bestObjective, false, searched);
            }
            Branch branch = consistent() ? evaluate() : null;
            if (branch != null) {
                path.push(branch);
                setAtMost(branch.podClass, branch.node, branch.split - 1);
                continue;
            }
            while (!path.isEmpty() && path.peek().secondChild) {
                Branch done = path.pop();
                setAtLeast(done.podClass, done.node, done.atLeastBefore);
            }
            if (path.isEmpty()) {
                return new Outcome(best, bestObjective, true, searched);
            }
            Branch next = path.peek();
            next.secondChild = true;
            setAtMost(next.podClass, next.node, next.atMostBefore);
            setAtLeast(next.podClass, next.node, next.split);
        }
    }

    /**
     * Solves the node's relaxation. Returns the branching to make, or null when the node is done: cut off by
     * its bound, or its flow fits and became the best placement.
     */
    private Branch evaluate() {
        searched++;
        SchedulingGraph graph = new SchedulingGraph(problem, bands, remaining, free, atLeast, room,
                SchedulingGraph.NodeCapacity.RELAXED);
        FlowSolution solution = solver.solve(graph.network());
        long bound = placedCost + solution.totalCost();
        if (bound >= bestObjective) {
            return null;
        }
        int[][] placed = new int[classes][nodes];
        graph.decode(solution, placed);
        int worstNode = -1;
        int worstResource = -1;
        double worstShare = 0;
        long[] used = new long[problem.resourceCount()];
        for (int n = 0; n < nodes; n++) {
            Arrays.fill(used, 0);
            for (int c = 0; c < classes; c++) {
                for (int r = 0; r < used.length; r++) {
                    used[r] += placed[c][n] * requests[c][r];
                }
            }
            for (int r = 0; r < used.length; r++) {
                if (used[r] > free[n][r]) {
                    double share = (double) (used[r] - free[n][r]) / Math.max(1, free[n][r]);
                    if (worstNode < 0 || share > worstShare) {
                        worstNode = n;
                        worstResource = r;
                        worstShare = share;
                    }
                }
            }
        }
        if (worstNode < 0) {
            bestObjective = bound;
            best = new int[classes][nodes];
            for (int c = 0; c < classes; c++) {
                for (int n = 0; n < nodes; n++) {
                    best[c][n] = atLeast[c][n] + placed[c][n];
                }
            }
            return null;
        }
        int victim = -1;
        for (int c = 0; c < classes; c++) {
            if (placed[c][worstNode] > 0
                    && (victim < 0 || requests[c][worstResource] > requests[victim][worstResource])) {
                victim = c;
            }
        }
        int split = atLeast[victim][worstNode] + placed[victim][worstNode];
        return new Branch(victim, worstNode, split, atLeast[victim][worstNode], atMost[victim][worstNode]);
    }

    /** Whether the pods held at least on nodes fit them and do not exceed any class's count. */
    private boolean consistent() {
        for (int c = 0; c < classes; c++) {
            if (remaining[c] < 0) {
                return false;
            }
        }
        for (int n = 0; n < nodes; n++) {
            for (long amount : free[n]) {
                if (amount < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private void setAtMost(int podClass, int node, int limit) {
        atMost[podClass][node] = limit;
        updateRoom(podClass, node);
    }

    /** Holds {@code count} pods of the class on the node: charged to its resources, the class's count and cost. */
    private void setAtLeast(int podClass, int node, int count) {
        int before = atLeast[podClass][node];
        int delta = count - before;
        for (int r = 0; r < requests[podClass].length; r++) {
            free[node][r] -= delta * requests[podClass][r];
        }
        remaining[podClass] -= delta;
        placedCost += bands.totalCost(problem.cost(), podClass, node, count)
                - bands.totalCost(problem.cost(), podClass, node, before);
        atLeast[podClass][node] = count;
        updateRoom(podClass, node);
    }

    private void updateRoom(int podClass, int node) {
        int limit = atMost[podClass][node];
        room[podClass][node] = limit == Integer.MAX_VALUE ? limit : Math.max(0, limit - atLeast[podClass][node]);
    }
}
