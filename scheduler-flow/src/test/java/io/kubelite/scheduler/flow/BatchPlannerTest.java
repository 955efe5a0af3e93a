package io.kubelite.scheduler.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BatchPlannerTest {

    private static final int CPU = 0;
    private static final int MEMORY = 1;
    private static final int PODS = 2;
    /** Far more than any small batch here needs to search its whole tree. */
    private static final Duration WHOLE_SEARCH = Duration.ofSeconds(30);

    private final BatchPlanner spreading = new BatchPlanner(new CostBands(4, 1), 8, WHOLE_SEARCH);

    @Test
    void leastAllocatedBandsSpreadAClassOverEqualNodes() {
        PlacementProblem problem = problem(new int[] {4}, new long[][] {{1000, 1 << 30, 1}},
                uniformNodes(4, 8000, 16L << 30, 110), (c, n) -> true, 1, 0);

        BatchPlacement placement = spreading.place(problem);

        assertThat(placement.assignments()).hasSize(4).allMatch(a -> a.count() == 1);
        assertThat(placement.pendingCount()).isZero();
        assertThat(placement.optimal()).isTrue();
    }

    @Test
    void mostAllocatedPacksOntoTheFullerNode() {
        long[][] allocatable = {{4000, 8L << 30, 110}, {4000, 8L << 30, 110}};
        long[][] requested = {{0, 0, 0}, {2000, 4L << 30, 2}};
        long[][] requests = {{500, 512L << 20, 1}};
        PlacementProblem problem = new PlacementProblem(new int[] {4}, requests, allocatable, requested,
                (c, n) -> true, new AllocationCost(requests, allocatable, requested, 0, 1, CPU, MEMORY));

        BatchPlacement placement = spreading.place(problem);

        assertThat(placement.assignments()).containsExactly(new Assignment(0, 1, 4));
    }

    @Test
    void podsThatFitNowhereStayPendingAndTheRestArePlaced() {
        PlacementProblem problem = problem(new int[] {3, 2}, new long[][] {{3000, 1 << 30, 1}, {16000, 1 << 30, 1}},
                uniformNodes(2, 4000, 8L << 30, 110), (c, n) -> true, 1, 0);

        BatchPlacement placement = spreading.place(problem);

        assertThat(placement.pending()).containsExactly(1, 2);
        assertThat(placement.placedCount()).isEqualTo(2);
    }

    @Test
    void aClassGoesOnlyWhereTheFilterAllowsIt() {
        PlacementProblem problem = problem(new int[] {5}, new long[][] {{100, 1 << 20, 1}},
                uniformNodes(3, 4000, 8L << 30, 110), (c, n) -> n == 2, 1, 0);

        BatchPlacement placement = spreading.place(problem);

        assertThat(placement.assignments()).containsExactly(new Assignment(0, 2, 5));
    }

    @Test
    void mixedClassesThatWouldOverfillANodeAreAllPlacedWhereTheyFit() {
        // per class, 2 cpu-heavy pods or 2 memory-heavy pods fit the big node, but not 2 of each
        long[][] requests = {{2000, 1L << 30, 1}, {500, 4L << 30, 1}};
        long[][] allocatable = {{4000, 8L << 30, 110}, {2000, 4L << 30, 110}, {2000, 4L << 30, 110}};
        long[][] requested = new long[3][3];
        PlacementProblem problem = new PlacementProblem(new int[] {2, 2}, requests, allocatable, requested,
                (c, n) -> true, (c, n, placed) -> n == 0 ? 0 : 50);

        BatchPlacement placement = new BatchPlanner(CostBands.LINEAR, 8, WHOLE_SEARCH).place(problem);

        assertThat(placement.pendingCount()).isZero();
        assertThat(placement.objective()).isLessThanOrEqualTo(placement.modelOptimum())
                .isGreaterThanOrEqualTo(placement.lowerBound());
        assertFits("example", problem, placement);
    }

    @Test
    void aNodesGuaranteedCapacityCountsTheLargestRequestsFirstInEveryResource() {
        // two cpu-heavy or two memory-heavy pods fit, so do one of each, but no three pods of any mix
        long[][] requests = {{2000, 1L << 30, 1}, {500, 4L << 30, 1}, {100, 128L << 20, 1}};
        int[] slots = {2, 2, 0};
        long[] free = {4000, 8L << 30, 110};

        long capacity = SchedulingGraph.guaranteedCapacity(requests,
                SchedulingGraph.largestRequestFirst(requests), slots, free);

        assertThat(capacity).isEqualTo(2);
    }

    @Test
    void podsTheLastRoundGivesBackArePlacedOneByOneWhereTheyFit() {
        long[][] requests = {{2000, 1L << 30, 1}, {500, 4L << 30, 1}};
        long[][] allocatable = {{4000, 8L << 30, 110}, {2000, 4L << 30, 110}, {2000, 4L << 30, 110}};
        long[][] requested = new long[3][3];
        PlacementProblem problem = new PlacementProblem(new int[] {2, 2}, requests, allocatable, requested,
                (c, n) -> true, (c, n, placed) -> n == 0 ? 0 : 50);

        BatchPlacement placement = new BatchPlanner(CostBands.LINEAR, 1, Duration.ZERO).place(problem);

        assertThat(placement.rounds()).isEqualTo(1);
        assertThat(placement.pendingCount()).isZero();
        assertFits("example", problem, placement);
    }

    @Test
    void rejectsACostOutsideTheRange() {
        PlacementProblem problem = new PlacementProblem(new int[] {1}, new long[][] {{1}}, new long[][] {{1}},
                new long[][] {{0}}, (c, n) -> true, (c, n, placed) -> 101);

        assertThatThrownBy(() -> spreading.place(problem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside 0..100");
    }

    /** Every shape of 1-6 classes, 1-12 nodes, 1-3 bands and 1-4 rounds, each with its own seed for the rest. */
    record PlannerCase(long seed, int classes, int nodes, int bands, int rounds) {
    }

    static Stream<PlannerCase> everyPlannerShape() {
        Random seeds = new Random(20260103L);
        Stream.Builder<PlannerCase> cases = Stream.builder();
        for (int classes = 1; classes <= 6; classes++) {
            for (int nodes = 1; nodes <= 12; nodes++) {
                for (int bands = 1; bands <= 3; bands++) {
                    for (int rounds = 1; rounds <= 4; rounds++) {
                        cases.add(new PlannerCase(seeds.nextLong(), classes, nodes, bands, rounds));
                    }
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPlannerShape")
    void neverOverfillsANodeNorIgnoresTheFilter(PlannerCase plannerCase) {
        Random random = new Random(plannerCase.seed());
        int classes = plannerCase.classes();
        int nodes = plannerCase.nodes();
        boolean[][] allowed = randomFilter(random, classes, nodes);
        PlacementProblem problem = randomProblem(random, classes, nodes, 12, (c, n) -> allowed[c][n]);

        BatchPlacement placement = new BatchPlanner(new CostBands(plannerCase.bands(), 1), plannerCase.rounds(),
                Duration.ofMillis(20)).place(problem);

        assertFits(plannerCase.toString(), problem, placement);
        for (Assignment assignment : placement.assignments()) {
            assertThat(allowed[assignment.podClass()][assignment.node()])
                    .as("%s: the filter allows %s", plannerCase, assignment).isTrue();
        }
        for (int c = 0; c < classes; c++) {
            int placed = 0;
            for (Assignment assignment : placement.assignments()) {
                placed += assignment.podClass() == c ? assignment.count() : 0;
            }
            assertThat(placed + placement.pending()[c]).as("%s: placed and pending pods of class %d", plannerCase, c)
                    .isEqualTo(problem.classCounts()[c]);
            if (placement.pending()[c] > 0) {
                for (int n = 0; n < nodes; n++) {
                    assertThat(allowed[c][n] && fitsOneMore(problem, placement, c, n))
                            .as("%s: class %d is pending while node %d has room", plannerCase, c, n).isFalse();
                }
            }
        }
    }

    private static boolean fitsOneMore(PlacementProblem problem, BatchPlacement placement, int podClass, int node) {
        for (int r = 0; r < problem.resourceCount(); r++) {
            long used = problem.nodeRequested()[node][r] + problem.classRequests()[podClass][r];
            for (Assignment assignment : placement.assignments()) {
                if (assignment.node() == node) {
                    used += assignment.count() * problem.classRequests()[assignment.podClass()][r];
                }
            }
            if (problem.classRequests()[podClass][r] > 0 && used > problem.nodeAllocatable()[node][r]) {
                return false;
            }
        }
        return true;
    }

    static Stream<SmallCase> smallBatches() {
        return SmallCase.cases(20260104L, 540);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallBatches")
    void reachesTheSlotModelsOptimumAndTheOptimumOfEveryFittingPlacement(SmallCase smallCase) {
        SmallCase.Batch batch = smallCase.batch();
        PlacementProblem problem = batch.problem();
        CostBands costBands = batch.bands();

        BatchPlacement placement = new BatchPlanner(costBands, 4, WHOLE_SEARCH).place(problem);
        long best = BruteForcePlacement.bestObjective(problem, costBands);

        assertThat(placement.modelOptimum()).as("%s: slot model optimum", smallCase)
                .isEqualTo(BruteForcePlacement.bestSlotModelObjective(problem, costBands));
        assertThat(placement.lowerBound()).as("%s: lower bound", smallCase).isLessThanOrEqualTo(best);
        assertThat(placement.optimal()).as("%s: proven optimal", smallCase).isTrue();
        assertThat(placement.objective()).as("%s: objective", smallCase).isEqualTo(best);
        assertFits(smallCase.toString(), problem, placement);
    }

    /** A small batch on nodes of at most two machine types: 1-3 classes, 2-4 nodes, 1-3 bands. */
    record IdenticalNodesCase(long seed, int classes, int nodes, int bands) {
    }

    static Stream<IdenticalNodesCase> identicalNodesBatches() {
        Random seeds = new Random(20260106L);
        return IntStream.range(0, 270).mapToObj(i -> new IdenticalNodesCase(seeds.nextLong(), 1 + i % 3,
                2 + i / 3 % 3, 1 + i / 9 % 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identicalNodesBatches")
    void mergesInterchangeableNodesAndStillReachesBothOptimaExactly(IdenticalNodesCase smallCase) {
        Random random = new Random(smallCase.seed());
        int classes = smallCase.classes();
        long[][] types = {{1000L * (1 + random.nextInt(4)), 1024L * (1 + random.nextInt(4)), 1 + random.nextInt(6)},
                {1000L * (1 + random.nextInt(4)), 1024L * (1 + random.nextInt(4)), 1 + random.nextInt(6)}};
        long[][] allocatable = new long[smallCase.nodes()][];
        for (int n = 0; n < allocatable.length; n++) {
            allocatable[n] = types[n == 0 ? 0 : random.nextInt(types.length)].clone();
        }
        int[] counts = new int[classes];
        long[][] requests = new long[classes][];
        for (int c = 0; c < classes; c++) {
            counts[c] = random.nextInt(4);
            requests[c] = new long[] {100L * (1 + random.nextInt(20)), 128L * (1 + random.nextInt(16)), 1};
        }
        boolean spread = random.nextBoolean();
        PlacementProblem problem = problem(counts, requests, allocatable, (c, n) -> true, spread ? 1 : 0,
                spread ? 0 : 1);
        CostBands costBands = new CostBands(smallCase.bands(), 1);
        BatchPlanner planner = new BatchPlanner(costBands, 4, WHOLE_SEARCH);

        BatchPlacement placement = planner.place(problem);

        assertThat(planner.slotModelNetwork(problem).nodeCount()).as("%s: flow nodes", smallCase)
                .isLessThanOrEqualTo(classes + types.length + 1);
        assertThat(placement.modelOptimum()).as("%s: slot model optimum", smallCase)
                .isEqualTo(BruteForcePlacement.bestSlotModelObjective(problem, costBands));
        long best = BruteForcePlacement.bestObjective(problem, costBands);
        assertThat(placement.optimal()).as("%s: proven optimal", smallCase).isTrue();
        assertThat(placement.objective()).as("%s: objective", smallCase).isEqualTo(best);
        assertFits(smallCase.toString(), problem, placement);
    }

    /** A batch of one resource: 1-2 classes on 1-3 nodes, each shape equally often. */
    record SingleResourceCase(long seed, int classes, int nodes) {
    }

    static Stream<SingleResourceCase> singleResourceBatches() {
        Random seeds = new Random(20260105L);
        return IntStream.range(0, 300)
                .mapToObj(i -> new SingleResourceCase(seeds.nextLong(), 1 + i % 2, 1 + i / 2 % 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleResourceBatches")
    void aSingleResourceBatchIsAlwaysOptimal(SingleResourceCase smallCase) {
        // with one resource the node bound is exact for equal requests, and slots are exact per class
        Random random = new Random(smallCase.seed());
        int classes = smallCase.classes();
        int nodes = smallCase.nodes();
        long request = 1 + random.nextInt(3);
        long[][] requests = new long[classes][];
        int[] counts = new int[classes];
        for (int c = 0; c < classes; c++) {
            requests[c] = new long[] {request};
            counts[c] = random.nextInt(4);
        }
        long[][] allocatable = new long[nodes][];
        long[][] requested = new long[nodes][];
        for (int n = 0; n < nodes; n++) {
            allocatable[n] = new long[] {random.nextInt(8)};
            requested[n] = new long[] {random.nextInt(3)};
        }
        int[][] costs = randomCosts(random, classes, nodes);
        PlacementProblem problem = new PlacementProblem(counts, requests, allocatable, requested, (c, n) -> true,
                (c, n, placed) -> costs[c][n]);

        BatchPlacement placement = new BatchPlanner(CostBands.LINEAR, 4, WHOLE_SEARCH).place(problem);

        assertThat(placement.optimal()).as("%s: said to be optimal", smallCase).isTrue();
        assertThat(placement.objective()).as("%s: objective", smallCase)
                .isEqualTo(BruteForcePlacement.bestObjective(problem, CostBands.LINEAR));
    }

    private static PlacementProblem problem(int[] counts, long[][] requests, long[][] allocatable, ClassNodeFilter filter,
            int leastWeight, int mostWeight) {
        long[][] requested = new long[allocatable.length][allocatable[0].length];
        return new PlacementProblem(counts, requests, allocatable, requested, filter,
                new AllocationCost(requests, allocatable, requested, leastWeight, mostWeight, CPU, MEMORY));
    }

    private static long[][] uniformNodes(int nodes, long cpu, long memory, long pods) {
        long[][] allocatable = new long[nodes][];
        for (int n = 0; n < nodes; n++) {
            allocatable[n] = new long[] {cpu, memory, pods};
        }
        return allocatable;
    }

    static boolean[][] randomFilter(Random random, int classes, int nodes) {
        boolean[][] allowed = new boolean[classes][nodes];
        for (boolean[] row : allowed) {
            for (int n = 0; n < nodes; n++) {
                row[n] = random.nextInt(5) > 0;
            }
        }
        return allowed;
    }

    private static int[][] randomCosts(Random random, int classes, int nodes) {
        int[][] costs = new int[classes][nodes];
        for (int[] row : costs) {
            for (int n = 0; n < nodes; n++) {
                row[n] = random.nextInt(PlacementCost.MAX_PLACEMENT_COST + 1);
            }
        }
        return costs;
    }

    /** Random cpu/memory/pods requests and nodes, some partly taken, costed by LeastAllocated or MostAllocated. */
    static PlacementProblem randomProblem(Random random, int classes, int nodes, int maxCount,
            ClassNodeFilter filter) {
        int[] counts = new int[classes];
        long[][] requests = new long[classes][];
        for (int c = 0; c < classes; c++) {
            counts[c] = random.nextInt(maxCount + 1);
            requests[c] = new long[] {100L * (1 + random.nextInt(20)), 128L * (1 + random.nextInt(16)), 1};
        }
        long[][] allocatable = new long[nodes][];
        long[][] requested = new long[nodes][];
        for (int n = 0; n < nodes; n++) {
            allocatable[n] = new long[] {1000L * (1 + random.nextInt(4)), 1024L * (1 + random.nextInt(4)),
                    1 + random.nextInt(6)};
            requested[n] = new long[] {random.nextInt(1000), random.nextInt(1024), random.nextInt(2)};
        }
        boolean spread = random.nextBoolean();
        return new PlacementProblem(counts, requests, allocatable, requested, filter,
                new AllocationCost(requests, allocatable, requested, spread ? 1 : 0, spread ? 0 : 1, CPU, MEMORY));
    }

    private static void assertFits(String context, PlacementProblem problem, BatchPlacement placement) {
        for (int n = 0; n < problem.nodeCount(); n++) {
            for (int r = 0; r < problem.resourceCount(); r++) {
                long used = problem.nodeRequested()[n][r];
                for (Assignment assignment : placement.assignments()) {
                    if (assignment.node() == n) {
                        used += assignment.count() * problem.classRequests()[assignment.podClass()][r];
                    }
                }
                if (used > problem.nodeRequested()[n][r]) {
                    assertThat(used).as("%s: resource %d of node %d", context, r, n)
                            .isLessThanOrEqualTo(problem.nodeAllocatable()[n][r]);
                }
            }
        }
    }
}
