package io.kubelite.scheduler.flow;

import java.util.Arrays;
import java.util.List;

/**
 * Prices the nodes' resources so that the priced relaxation bounds a batch's optimum from below as tightly as it
 * can in the time given (docs/mincostflow.md, "Multi-resource capacity"): subgradient ascent on the Lagrangian
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
    private final boolean[][] allowed;
    private final long[][] freeAtStart;
    private final double[] unit;
    /** Each node's price of each resource, in the model's cost per largest request: where the next ascent starts. */
    private final double[][] price;

    /**
     * What an ascent found: its best bound; the priced flow of that bound (pods beyond those held) and whether
     * it fits; and the cheapest of its flows made to fit, with those held (null if none beat the best objective
     * known), with its objective.
     */
    record Result(long bound, int[][] flow, boolean flowFits, int[][] placement, long objective) {
    }

    /** The pods held on nodes, and what is left: the part of a batch a search node still places. */
    record Subproblem(int[][] held, long heldCost, int[] remaining, long[][] free, int[][] room) {
    }

    /**
     * @param allowed     which classes the filter allows on which nodes
     * @param freeAtStart each node's free resources before the batch
     */
    LagrangianPrices(PlacementProblem problem, CostBands bands, MinCostFlowSolver solver, boolean[][] allowed,
            long[][] freeAtStart) {
        this.problem = problem;
        this.bands = bands;
        this.solver = solver;
        this.allowed = allowed;
        this.freeAtStart = freeAtStart;
        this.unit = new double[problem.resourceCount()];
        for (int r = 0; r < unit.length; r++) {
            unit[r] = 1;
            for (long[] request : problem.classRequests()) {
                unit[r] = Math.max(unit[r], request[r]);
            }
        }
        this.price = new double[problem.nodeCount()][problem.resourceCount()];
    }

    /** The whole batch, nothing held. */
    Subproblem wholeBatch() {
        return new Subproblem(new int[problem.classCount()][problem.nodeCount()], 0, problem.classCounts().clone(),
                freeAtStart, Placements.room(allowed));
    }

    /**
     * Ascends from the prices the last ascent left (zero at first) for at most {@code maxSteps} steps or until
     * {@code deadline} (a {@link System#nanoTime()}), or until the bound reaches {@code bestObjective}, the least
     * objective known.
     */
    Result find(Subproblem part, long bestObjective, int maxSteps, long deadline) {
        int classes = problem.classCount();
        int nodes = problem.nodeCount();
        int resources = problem.resourceCount();
        long[][] requests = problem.classRequests();
        double[][] overcommit = new double[nodes][resources];
        long bestBound = Long.MIN_VALUE;
        int[][] bestFlow = null;
        int[][] bestPlacement = null;
        long upper = bestObjective;
        double stepFactor = 1.0;
        int sinceBetter = 0;
        // built once at zero prices, so its groups are the plain relaxation's; each step only reprices its arcs
        SchedulingGraph graph = new SchedulingGraph(problem, bands, part.remaining(), part.free(), part.held(),
                part.room(), SchedulingGraph.NodeCapacity.RELAXED, new Prices(SCALE, new double[nodes][resources],
                requests));
        List<int[]> groups = graph.groups();
        startFrom(groups);
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
            long bound = prices.bound(part.heldCost(), solution.totalCost(), part.free());
            if (bound > bestBound) {
                bestBound = bound;
                bestFlow = placed;
                sinceBetter = 0;
            } else if (++sinceBetter >= PATIENCE) {
                stepFactor /= 2;
                sinceBetter = 0;
            }
            double norm = overcommitment(placed, part.free(), groups, overcommit);
            int[][] fitting = PlacementRepair.fit(problem, bands, Placements.sum(part.held(), placed), pending,
                    freeAtStart, allowed);
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
        boolean flowFits = bestFlow != null && Placements.fits(problem, bestFlow, part.free());
        return new Result(bestBound, bestFlow, flowFits, bestPlacement, upper);
    }

    /**
     * Makes the prices where this ascent starts equal on each group of interchangeable nodes (their average), as
     * repricing the network needs, and zero on the nodes no pod can use, whose resources are then worth nothing.
     * Any prices bound the optimum; these lose nothing the old ones had on nodes that matter.
     */
    private void startFrom(List<int[]> groups) {
        double[][] started = new double[price.length][];
        for (int[] members : groups) {
            double[] average = new double[unit.length];
            for (int n : members) {
                for (int r = 0; r < unit.length; r++) {
                    average[r] += price[n][r] / members.length;
                }
            }
            for (int n : members) {
                started[n] = average;
            }
        }
        for (int n = 0; n < price.length; n++) {
            for (int r = 0; r < unit.length; r++) {
                price[n][r] = started[n] == null ? 0 : started[n][r];
            }
        }
    }

    /**
     * Fills {@code overcommit} with each node's requests beyond its free amount per resource, in units of the
     * largest request, averaged over interchangeable nodes; a resource already free of charge that has room
     * keeps none. Returns the squared length of that direction.
     */
    private double overcommitment(int[][] placed, long[][] free, List<int[]> groups, double[][] overcommit) {
        int resources = unit.length;
        double norm = 0;
        double[] sum = new double[resources];
        for (int[] members : groups) {
            Arrays.fill(sum, 0);
            for (int n : members) {
                for (int r = 0; r < resources; r++) {
                    sum[r] += (Placements.used(problem, placed, n, r) - free[n][r]) / unit[r];
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
