package io.kubelite.scheduler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LagrangianPricesTest {

    private static final long NO_DEADLINE = Long.MAX_VALUE / 4;

    static Stream<SmallCase> smallBatches() {
        return SmallCase.cases(20261127L, 270);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallBatches")
    void theBoundNeverExceedsTheOptimumAndEveryPlacementFits(SmallCase smallCase) {
        SmallCase.Batch batch = smallCase.batch();
        boolean[][] allowed = batch.allowed();
        PlacementProblem problem = batch.problem();
        CostBands bands = batch.bands();
        long[][] free = BatchPlanner.freeResources(problem);
        long allPending = SchedulingGraph.pendingCost(problem) * IntStream.of(problem.classCounts()).sum();

        LagrangianPrices pricing = new LagrangianPrices(problem, bands,
                new MinCostFlowSolver(MinCostFlowSolver.Method.COST_SCALING), allowed, free);
        LagrangianPrices.Result result = pricing.find(pricing.wholeBatch(), allPending + 1, 50, NO_DEADLINE);

        long best = BruteForcePlacement.bestObjective(problem, bands);
        long relaxed = new MinCostFlowSolver().solve(new BatchPlanner(bands, 1, Duration.ZERO)
                .relaxedNetwork(problem)).totalCost();
        assertThat(result.bound()).as("%s: bound", smallCase).isLessThanOrEqualTo(best)
                .isGreaterThanOrEqualTo(relaxed);
        if (result.placement() != null) {
            int[][] placed = result.placement();
            int[] pending = problem.classCounts().clone();
            for (int c = 0; c < placed.length; c++) {
                for (int n = 0; n < placed[c].length; n++) {
                    pending[c] -= placed[c][n];
                    assertThat(placed[c][n] == 0 || allowed[c][n]).as("%s: filter", smallCase).isTrue();
                }
            }
            assertThat(IntStream.of(pending).min().orElse(0)).as("%s: pending", smallCase).isNotNegative();
            assertThat(Placements.fits(problem, placed, free)).as("%s: fits", smallCase).isTrue();
            assertThat(result.objective()).as("%s: objective", smallCase)
                    .isEqualTo(Placements.objective(problem, bands, placed, pending)).isGreaterThanOrEqualTo(best);
        }
    }

    @Test
    void pricesRaiseTheBoundToTheLinearProgramsAndTheSearchClosesTheRest() {
        // node 0 is free of cost and takes two cpu-heavy or two memory-heavy pods, but not two of each
        long[][] requests = {{2000, 1L << 30, 1}, {500, 4L << 30, 1}};
        long[][] allocatable = {{4000, 8L << 30, 110}, {2000, 4L << 30, 110}, {2000, 4L << 30, 110}};
        PlacementProblem problem = new PlacementProblem(new int[] {2, 2}, requests, allocatable, new long[3][3],
                (c, n) -> true, (c, n, placed) -> n == 0 ? 0 : 50);
        boolean[][] allowed = {{true, true, true}, {true, true, true}};

        LagrangianPrices pricing = new LagrangianPrices(problem, CostBands.LINEAR,
                new MinCostFlowSolver(MinCostFlowSolver.Method.COST_SCALING), allowed,
                BatchPlanner.freeResources(problem));
        LagrangianPrices.Result result = pricing.find(pricing.wholeBatch(), 1000, 50, NO_DEADLINE);

        // the relaxation puts all four on node 0: bound 0. Fractionally, node 0 holds 1.6 of each class
        // (2000 x 1.6 + 500 x 1.6 = 4000 millicores, 1.6 + 4 x 1.6 = 8 GiB): 0.8 pods go elsewhere, bound 40.
        // Whole pods: two go elsewhere, 100, which only the search proves
        assertThat(result.bound()).isEqualTo(40);
        assertThat(result.objective()).isEqualTo(100);
        BatchPlacement placement = new BatchPlanner(CostBands.LINEAR, 8, Duration.ofSeconds(30)).place(problem);
        assertThat(placement.lowerBound()).isEqualTo(40);
        assertThat(placement.objective()).isEqualTo(100);
        assertThat(placement.optimal()).isTrue();
    }

    @Test
    void repricingANetworkCostsWhatBuildingItWithThosePricesDoes() {
        Random random = new Random(7);
        long[][] types = {{4000, 8192, 110}, {8000, 16384, 110}};
        long[][] allocatable = new long[40][];
        for (int n = 0; n < allocatable.length; n++) {
            allocatable[n] = types[random.nextInt(types.length)].clone();
        }
        int[] counts = new int[6];
        long[][] requests = new long[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            counts[c] = 5 + random.nextInt(20);
            requests[c] = new long[] {100L * (1 + random.nextInt(20)), 128L * (1 + random.nextInt(16)), 1};
        }
        long[][] requested = new long[allocatable.length][3];
        PlacementProblem problem = new PlacementProblem(counts, requests, allocatable, requested, (c, n) -> true,
                new AllocationCost(requests, allocatable, requested, 1, 0, 0, 1));
        CostBands bands = new CostBands(4, 1);
        long[][] free = BatchPlanner.freeResources(problem);
        int[][] room = Placements.room(allowEverything(counts.length, allocatable.length));
        MinCostFlowSolver solver = new MinCostFlowSolver(MinCostFlowSolver.Method.COST_SCALING);
        SchedulingGraph repriced = new SchedulingGraph(problem, bands, counts.clone(), free,
                new int[counts.length][allocatable.length], room, SchedulingGraph.NodeCapacity.RELAXED,
                new Prices(LagrangianPrices.SCALE, new double[allocatable.length][3], requests));
        for (int trial = 0; trial < 20; trial++) {
            double[][] perUnit = new double[allocatable.length][3];
            double[] cpuPrice = {random.nextDouble() * 20, random.nextDouble() * 20};
            double[] memoryPrice = {random.nextDouble() * 5, random.nextDouble() * 5};
            for (int n = 0; n < perUnit.length; n++) {
                int type = allocatable[n][0] == types[0][0] ? 0 : 1;
                perUnit[n][0] = cpuPrice[type];
                perUnit[n][1] = memoryPrice[type];
            }
            Prices prices = new Prices(LagrangianPrices.SCALE, perUnit, requests);
            SchedulingGraph built = new SchedulingGraph(problem, bands, counts.clone(), free,
                    new int[counts.length][allocatable.length], room, SchedulingGraph.NodeCapacity.RELAXED, prices);
            repriced.reprice(prices);

            assertThat(solver.solve(repriced.network()).totalCost()).as("trial %d", trial)
                    .isEqualTo(solver.solve(built.network()).totalCost());
        }
    }

    private static boolean[][] allowEverything(int classes, int nodes) {
        boolean[][] allowed = new boolean[classes][nodes];
        for (boolean[] row : allowed) {
            Arrays.fill(row, true);
        }
        return allowed;
    }
}
