package io.kubelite.scheduler.flow;

import java.util.Arrays;
import java.util.List;

/**
 * Prices the nodes' resources so that the priced relaxation bounds a batch's optimum from below as tightly as it
 * can in the time given (docs/scheduler.md, "A stronger lower bound"): subgradient ascent on the Lagrangian
 * dual of the constraints that the pods on a node fit its resources. Each step solves the priced relaxation,
 * raises the price of every resource a node was asked for beyond its free amount and lowers the others',
 * by Polyak's step towards the best objective known. Interchangeable nodes keep equal prices (their
 * overcommitment averaged), so the priced network still merges them. Each priced flow, made to fit as the
 * relaxation's is (pods taken off overfilled nodes and placed one by one where they fit), is a placement too,
 * kept when it beats the best known: prices that bound well also place well.
 */
final class LagrangianPrices {

    /** Cost units of the priced network per unit of the model's cost: how finely prices are told apart. */
    static final int SCALE = 1000;
    /** Steps without a better bound before the step size is halved. */
    private static final int PATIENCE = 3;

    private final PlacementProblem problem;
    private final CostBands bands;
    private final MinCostFlowSolver solver;

    /**
     * What the ascent found: the prices of the best bound, the bound, and the cheapest of its flows made to fit
     * (null if none beat the best objective known) with its objective.
     */
    record Result(Prices prices, long bound, int[][] placement, long objective, int steps) {
    }

    LagrangianPrices(PlacementProblem problem, CostBands bands, MinCostFlowSolver solver) {
        this.problem = problem;
        this.bands = bands;
        this.solver = solver;
    }

    /**
     * Ascends from zero prices for at most {@code maxSteps} steps or until {@code deadline} (a
     * {@link System#nanoTime()}), or until the bound reaches {@code bestObjective}, the least objective known.
     */
    Result find(boolean[][] allowed, long[][] free, long bestObjective, int maxSteps, long deadline) {
        int[][] room = Placements.room(allowed);
        int classes = problem.classCount();
        int nodes = problem.nodeCount();
        int resources = problem.resourceCount();
        long[][] requests = problem.classRequests();
        double[] unit = new double[resources];
        for (int r = 0; r < resources; r++) {
            unit[r] = 1;
            for (long[] request : requests) {
                unit[r] = Math.max(unit[r], request[r]);
            }
        }
        double[][] price = new double[nodes][resources];
        double[][] overcommit = new double[nodes][resources];
        Prices best = Prices.NONE;
        long bestBound = Long.MIN_VALUE;
        int[][] bestPlacement = null;
        long upper = bestObjective;
        double stepFactor = 1.0;
        int sinceBetter = 0;
        // built once at zero prices, so its groups are the plain relaxation's; each step only reprices its arcs
        SchedulingGraph graph = new SchedulingGraph(problem, bands, problem.classCounts().clone(), free,
                new int[classes][nodes], room, SchedulingGraph.NodeCapacity.RELAXED,
                new Prices(SCALE, new double[nodes][resources], requests));
        List<int[]> groups = graph.groups();
        int steps = 0;
        while (steps < maxSteps && System.nanoTime() - deadline < 0 && bestBound < upper) {
            steps++;
            double[][] perUnit = new double[nodes][resources];
            for (int n = 0; n < nodes; n++) {
                for (int r = 0; r < resources; r++) {
                    perUnit[n][r] = SCALE * price[n][r] / unit[r];
                }
            }
            Prices prices = new Prices(SCALE, perUnit, requests);
            graph.reprice(prices);
            FlowSolution solution = solver.solve(graph.network());
            int[][] placed = new int[classes][nodes];
            int[] pending = graph.decode(solution, placed);
            long bound = prices.bound(0, solution.totalCost(), free);
            if (bound > bestBound) {
                bestBound = bound;
                best = prices;
                sinceBetter = 0;
            } else if (++sinceBetter >= PATIENCE) {
                stepFactor /= 2;
                sinceBetter = 0;
            }
            double norm = overcommitment(placed, free, unit, groups, overcommit, price);
            int[][] fitting = fitting(placed, pending, free, allowed);
            long objective = Placements.objective(problem, bands, fitting, pending);
            if (objective < upper) {
                upper = objective;
                bestPlacement = fitting;
            }
            if (norm == 0 || bestBound >= upper) {
                break;
            }
            double step = stepFactor * (upper - bound) / norm;
            for (int[] members : groups) {
                for (int n : members) {
                    for (int r = 0; r < resources; r++) {
                        price[n][r] = Math.max(0, price[n][r] + step * overcommit[n][r]);
                    }
                }
            }
        }
        return new Result(best, bestBound, bestPlacement, upper, steps);
    }

    /**
     * The flow's placement made to fit (it is near fitting once the prices steer classes apart): pods taken off
     * overfilled nodes, then placed one by one where they fit. {@code pending} becomes the pods still pending.
     */
    private int[][] fitting(int[][] placed, int[] pending, long[][] free, boolean[][] allowed) {
        int[][] fitting = new int[placed.length][];
        for (int c = 0; c < placed.length; c++) {
            fitting[c] = placed[c].clone();
        }
        long[][] left = new long[free.length][];
        for (int n = 0; n < free.length; n++) {
            left[n] = free[n].clone();
        }
        int[] givenBack = PlacementRepair.giveBack(problem, fitting, left);
        for (int c = 0; c < pending.length; c++) {
            pending[c] += givenBack[c];
        }
        PlacementRepair.placeOneByOne(problem, bands, pending, left, fitting, allowed);
        return fitting;
    }

    /**
     * Fills {@code overcommit} with each node's requests beyond its free amount per resource, in units of the
     * largest request, averaged over interchangeable nodes; a resource already free of charge that has room
     * keeps none. Returns the squared length of that direction.
     */
    private double overcommitment(int[][] placed, long[][] free, double[] unit, List<int[]> groups,
            double[][] overcommit, double[][] price) {
        long[][] requests = problem.classRequests();
        int resources = unit.length;
        double norm = 0;
        double[] sum = new double[resources];
        for (int[] members : groups) {
            Arrays.fill(sum, 0);
            for (int n : members) {
                for (int r = 0; r < resources; r++) {
                    long used = 0;
                    for (int c = 0; c < placed.length; c++) {
                        used += placed[c][n] * requests[c][r];
                    }
                    sum[r] += (used - free[n][r]) / unit[r];
                }
            }
            for (int r = 0; r < resources; r++) {
                double average = sum[r] / members.length;
                boolean stuckAtZero = average < 0 && price[members[0]][r] == 0;
                for (int n : members) {
                    overcommit[n][r] = stuckAtZero ? 0 : average;
                }
                norm += stuckAtZero ? 0 : average * average * members.length;
            }
        }
        return norm;
    }
}
