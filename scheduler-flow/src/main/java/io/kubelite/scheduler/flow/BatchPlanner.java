package io.kubelite.scheduler.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Places a whole batch of pods by min-cost flow (docs/scheduler.md, "What optimal means"). Two sequences of
 * flow rounds run, each solving the {@link SchedulingGraph} of the pods not yet placed against the resources not yet
 * taken, and the result is the one of lower objective:
 * <ul>
 *   <li>the <em>slot model</em>: node capacities {@link SchedulingGraph.NodeCapacity#GUARANTEED guaranteed},
 *       so every flow fits. Round 1's optimum is the least objective among all placements within slots and
 *       guaranteed capacities ({@link BatchPlacement#modelOptimum()}); when round 1 fills no node whose
 *       guaranteed capacity is below its relaxed one, it is optimal among every placement that fits. Otherwise
 *       the pods it left are offered one at a time to such nodes, each placement only lowering the objective;</li>
 *   <li>the <em>relaxation</em>: node capacities {@link SchedulingGraph.NodeCapacity#RELAXED relaxed}, so
 *       every placement that fits is a flow and round 1's optimum is a lower bound
 *       ({@link BatchPlacement#lowerBound()}). A node a round overfilled (classes mixed beyond one of its
 *       resources) gives pods back, one at a time, each time of the class requesting most of the most
 *       overfilled resource, until it fits; pods given back go to the next round.</li>
 * </ul>
 * Should the relaxation's last allowed round still give pods back, they are placed one at a time the same way,
 * each on the fitting node of least cost; so a pod stays pending only when no node can take it.
 *
 * <p>Unless round 1 of either proves the better result optimal, the search follows, for up to the search time:
 * {@link LagrangianPrices} raise the lower bound and offer placements (up to half of the time),
 * {@link LocalSearch} improves the best one (up to three quarters), and {@link PlacementSearch}, branch and
 * bound, uses the rest; when it searches its whole tree, its result is optimal among every placement that fits.
 */
public final class BatchPlanner {

    /** Subgradient steps at most for the resource prices, which take up to half of the search time. */
    private static final int MAX_PRICE_STEPS = 100;

    private final CostBands bands;
    private final int maxRounds;
    private final Duration searchTime;
    /**
     * The slot model's tight capacities fill nodes through every cost level and leave pods pending, where
     * cost scaling is several times faster; the relaxation's ample capacities need a few shortest-path
     * phases, where the primal-dual method is (docs/mincostflow.md, "The solver").
     */
    private final MinCostFlowSolver slotModelSolver = new MinCostFlowSolver(MinCostFlowSolver.Method.COST_SCALING);
    private final MinCostFlowSolver relaxationSolver = new MinCostFlowSolver(MinCostFlowSolver.Method.PRIMAL_DUAL);

    /**
     * @param searchTime how long the branch and bound may look for a better placement than the rounds' and prove
     *                   it optimal; zero to take the rounds' result as it is
     */
    public BatchPlanner(CostBands bands, int maxRounds, Duration searchTime) {
        if (maxRounds < 1) {
            throw new IllegalArgumentException("at least one round is needed");
        }
        if (searchTime.isNegative()) {
            throw new IllegalArgumentException("the search time cannot be negative");
        }
        this.bands = bands;
        this.maxRounds = maxRounds;
        this.searchTime = searchTime;
    }

    public BatchPlacement place(PlacementProblem problem) {
        boolean[][] allowed = allowed(problem);
        Rounds slotModel = rounds(problem, allowed, SchedulingGraph.NodeCapacity.GUARANTEED);
        Rounds relaxation = rounds(problem, allowed, SchedulingGraph.NodeCapacity.RELAXED);
        long slotModelObjective = Placements.objective(problem, bands, slotModel.kept(), slotModel.pending());
        long relaxationObjective = Placements.objective(problem, bands, relaxation.kept(), relaxation.pending());
        boolean slotModelWins = slotModelObjective <= relaxationObjective;
        Rounds chosen = slotModelWins ? slotModel : relaxation;
        BatchPlacement.Origin origin = slotModelWins ? BatchPlacement.Origin.SLOT_MODEL
                : BatchPlacement.Origin.RELAXATION;
        long objective = Math.min(slotModelObjective, relaxationObjective);
        // the relaxation's first optimum bounds every fitting placement from below, so reaching it proves the result
        boolean optimal = slotModel.firstRoundProvesOptimum() || relaxation.firstRoundProvesOptimum()
                || objective == relaxation.firstRoundCost();
        int[][] kept = chosen.kept();
        long lowerBound = relaxation.firstRoundCost();
        int searched = 0;
        if (!optimal && !searchTime.isZero()) {
            long start = System.nanoTime();
            long[][] free = freeResources(problem);
            LagrangianPrices pricing = new LagrangianPrices(problem, bands, slotModelSolver, allowed, free);
            LagrangianPrices.Result priced = pricing.find(pricing.wholeBatch(), objective, MAX_PRICE_STEPS,
                    start + searchTime.toNanos() / 2);
            lowerBound = Math.max(lowerBound, priced.bound());
            if (priced.placement() != null && priced.objective() < objective) {
                kept = priced.placement();
                objective = priced.objective();
                origin = BatchPlacement.Origin.SEARCH;
            }
            optimal = objective <= lowerBound;
            if (!optimal) {
                // sampling every class's band costs on every node is worth it only when there is something to search
                LocalSearch localSearch = new LocalSearch(problem, bands, allowed);
                int[][] improved = Placements.copy(kept);
                int[] pending = Placements.pending(problem, improved);
                long gain = localSearch.improve(improved, pending, free, start + searchTime.toNanos() * 3 / 4);
                if (gain > 0) {
                    kept = improved;
                    objective -= gain;
                    origin = BatchPlacement.Origin.SEARCH;
                    optimal = objective <= lowerBound;
                }
                if (!optimal) {
                    PlacementSearch.Outcome outcome = new PlacementSearch(problem, bands, relaxationSolver, pricing,
                            localSearch, allowed, free).search(kept, objective, start + searchTime.toNanos());
                    if (outcome.objective() < objective) {
                        kept = outcome.kept();
                        objective = outcome.objective();
                        origin = BatchPlacement.Origin.SEARCH;
                    }
                    optimal = outcome.optimal();
                    searched = outcome.searched();
                }
            }
        }
        return result(problem, kept, objective, slotModel.firstRoundCost(), lowerBound, optimal, origin,
                chosen.count(), searched);
    }

    /** The pods of each class kept on each node, those left pending, and what round 1 showed. */
    private record Rounds(int[][] kept, int[] pending, int count, long firstRoundCost,
            boolean firstRoundProvesOptimum) {
    }

    private Rounds rounds(PlacementProblem problem, boolean[][] allowed, SchedulingGraph.NodeCapacity capacity) {
        int[][] room = Placements.room(allowed);
        int classes = problem.classCount();
        int nodes = problem.nodeCount();
        long[][] free = freeResources(problem);
        int[][] kept = new int[classes][nodes];
        int[] remaining = problem.classCounts().clone();
        long firstRoundCost = 0;
        boolean provesOptimum = false;
        int round = 0;
        boolean more = true;
        int lastRound = capacity == SchedulingGraph.NodeCapacity.GUARANTEED ? 1 : maxRounds;
        while (more && round < lastRound) {
            round++;
            SchedulingGraph graph = new SchedulingGraph(problem, bands, remaining, free, kept, room, capacity,
                    Prices.NONE);
            FlowSolution solution = (capacity == SchedulingGraph.NodeCapacity.GUARANTEED ? slotModelSolver
                    : relaxationSolver).solve(graph.network());
            int[][] placed = new int[classes][nodes];
            int[] pending = graph.decode(solution, placed);
            int[] givenBack = PlacementRepair.giveBack(problem, placed, free);
            int pendingPods = 0;
            int givenBackPods = 0;
            for (int c = 0; c < classes; c++) {
                remaining[c] = pending[c] + givenBack[c];
                pendingPods += pending[c];
                givenBackPods += givenBack[c];
                for (int n = 0; n < nodes; n++) {
                    kept[c][n] += placed[c][n];
                }
            }
            if (capacity == SchedulingGraph.NodeCapacity.GUARANTEED) {
                if (givenBackPods > 0) {
                    throw new IllegalStateException("a guaranteed node capacity let the flow overfill a node");
                }
                boolean fillsAConservativeNode = graph.fillsAConservativeNode(placed);
                provesOptimum |= round == 1 && !fillsAConservativeNode;
                more = pendingPods > 0 && fillsAConservativeNode;
            } else {
                provesOptimum |= round == 1 && givenBackPods == 0;
                more = givenBackPods > 0;
            }
            if (round == 1) {
                firstRoundCost = solution.totalCost();
            }
        }
        if (more) {
            PlacementRepair.placeOneByOne(problem, bands, remaining, free, kept, allowed);
        }
        return new Rounds(kept, remaining, round, firstRoundCost, provesOptimum);
    }

    /** The first round's network of the slot model, whose optimum is {@link BatchPlacement#modelOptimum()}. */
    public FlowNetwork slotModelNetwork(PlacementProblem problem) {
        return network(problem, SchedulingGraph.NodeCapacity.GUARANTEED);
    }

    /** The first round's network of the relaxation, whose optimum is {@link BatchPlacement#lowerBound()}. */
    public FlowNetwork relaxedNetwork(PlacementProblem problem) {
        return network(problem, SchedulingGraph.NodeCapacity.RELAXED);
    }

    private FlowNetwork network(PlacementProblem problem, SchedulingGraph.NodeCapacity capacity) {
        return new SchedulingGraph(problem, bands, problem.classCounts().clone(), freeResources(problem),
                new int[problem.classCount()][problem.nodeCount()],
                Placements.room(allowed(problem)), capacity, Prices.NONE).network();
    }

    static long[][] freeResources(PlacementProblem problem) {
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

    private BatchPlacement result(PlacementProblem problem, int[][] kept, long objective, long modelOptimum,
            long lowerBound, boolean optimal, BatchPlacement.Origin origin, int rounds, int searched) {
        List<Assignment> assignments = new ArrayList<>();
        for (int c = 0; c < kept.length; c++) {
            for (int n = 0; n < kept[c].length; n++) {
                if (kept[c][n] > 0) {
                    assignments.add(new Assignment(c, n, kept[c][n]));
                }
            }
        }
        return new BatchPlacement(List.copyOf(assignments), Placements.pending(problem, kept), SchedulingGraph.pendingCost(problem),
                objective, modelOptimum, lowerBound, optimal, origin, rounds, searched);
    }
}
