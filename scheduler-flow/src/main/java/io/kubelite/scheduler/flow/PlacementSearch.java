package io.kubelite.scheduler.flow;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Branch and bound over every placement of a batch that fits (docs/mincostflow.md, "Multi-resource capacity").
 * A search node narrows how many pods of some classes some nodes take, {@code atLeast[c][n] <= x <= atMost[c][n]},
 * holding the {@code atLeast} pods. Its bound is the best priced relaxation under those limits
 * ({@link LagrangianPrices}, a few steps continuing from the prices the last node left); it is cut off when that
 * bound is not below the best objective known. A priced flow that overfills node n, x pods of class c there (the
 * class requesting most of the resource n exceeds most), splits it: every placement has at most x - 1 or at
 * least x of them, the two children, searched depth first, fewer first. A priced flow that fits without meeting
 * the bound leaves the node to the plain relaxation, whose flow, when it fits, is the node's optimum, and which
 * otherwise splits it the same way. Each child narrows one interval, so the search ends; when it has searched
 * every node, the best placement is optimal.
 */
final class PlacementSearch {

    /** Price-ascent steps at each search node: enough to follow the bound as limits change, few enough to search. */
    private static final int STEPS_PER_NODE = 3;

    private final PlacementProblem problem;
    private final CostBands bands;
    private final MinCostFlowSolver solver;
    private final LagrangianPrices pricing;
    private final LocalSearch localSearch;
    private final long[][] freeAtStart;
    private final int classes;
    private final int nodes;
    private final long[][] requests;
    private final int[][] atLeast;
    private final int[][] atMost;
    private final int[][] room;
    private final long[][] free;
    private final int[] remaining;
    private long heldCost;
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

    /**
     * @param solver  solves the plain relaxations
     * @param pricing the price ascent, continued at every node from the prices it reached at the root
     * @param localSearch improves every better placement found
     */
    PlacementSearch(PlacementProblem problem, CostBands bands, MinCostFlowSolver solver, LagrangianPrices pricing,
            LocalSearch localSearch, boolean[][] allowed, long[][] free) {
        this.problem = problem;
        this.bands = bands;
        this.solver = solver;
        this.pricing = pricing;
        this.localSearch = localSearch;
        this.freeAtStart = free;
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
        this.free = Placements.copy(free);
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
            Branch branch = consistent() ? evaluate(deadline) : null;
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
     * Solves the node's relaxations: a few steps of the price ascent, continuing from the prices the last node
     * left, whose bound is the stronger and whose flows, made to fit, are candidates; then, only if the priced
     * flow fits without meeting the bound, the plain relaxation, whose flow, when it fits, is the node's optimum.
     * Returns the branching on the first flow that overfills a node, or null when the node is done: cut off by a
     * bound, or solved.
     */
    private Branch evaluate(long deadline) {
        searched++;
        LagrangianPrices.Result priced = pricing.find(new LagrangianPrices.Subproblem(atLeast, heldCost, remaining,
                free, room), bestObjective, STEPS_PER_NODE, deadline);
        if (priced.placement() != null) {
            consider(priced.placement(), priced.objective(), deadline);
        }
        if (priced.bound() >= bestObjective) {
            return null;
        }
        if (priced.flow() != null && !priced.flowFits()) {
            return branchOnWorstOverfill(priced.flow());
        }
        SchedulingGraph graph = new SchedulingGraph(problem, bands, remaining, free, atLeast, room,
                SchedulingGraph.NodeCapacity.RELAXED, Prices.NONE);
        FlowSolution solution = solver.solve(graph.network());
        if (heldCost + solution.totalCost() >= bestObjective) {
            return null;
        }
        int[][] placed = new int[classes][nodes];
        int[] pending = graph.decode(solution, placed);
        Branch branch = branchOnWorstOverfill(placed);
        if (branch == null) {
            int[][] whole = Placements.sum(atLeast, placed);
            consider(whole, Placements.objective(problem, bands, whole, pending), deadline);
        }
        return branch;
    }

    /**
     * Where the flow's placement overfills a node by the largest share, the branching on the class requesting
     * most of that resource there; null when it fits every node.
     */
    private Branch branchOnWorstOverfill(int[][] placed) {
        int worstNode = -1;
        Placements.Overfill worst = null;
        for (int n = 0; n < nodes; n++) {
            Placements.Overfill overfill = Placements.worstOverfill(problem, placed, n, free[n]);
            if (overfill != null && (worst == null || overfill.share() > worst.share())) {
                worst = overfill;
                worstNode = n;
            }
        }
        if (worst == null) {
            return null;
        }
        int victim = Placements.largestRequester(problem, placed, worstNode, worst.resource());
        int split = atLeast[victim][worstNode] + placed[victim][worstNode];
        return new Branch(victim, worstNode, split, atLeast[victim][worstNode], atMost[victim][worstNode]);
    }

    /** Takes a fitting placement as the best if it is cheaper, after local search has improved it. */
    private void consider(int[][] placement, long objective, long deadline) {
        if (objective < bestObjective) {
            int[] pending = Placements.pending(problem, placement);
            bestObjective = objective - localSearch.improve(placement, pending, freeAtStart, deadline);
            best = placement;
        }
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
        heldCost += bands.totalCost(problem.cost(), podClass, node, count)
                - bands.totalCost(problem.cost(), podClass, node, before);
        atLeast[podClass][node] = count;
        updateRoom(podClass, node);
    }

    private void updateRoom(int podClass, int node) {
        int limit = atMost[podClass][node];
        room[podClass][node] = limit == Integer.MAX_VALUE ? limit : Math.max(0, limit - atLeast[podClass][node]);
    }
}
