package io.kubelite.scheduler.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BatchPlannerTest {

    private static final int CPU = 0;
    private static final int MEMORY = 1;
    private static final int PODS = 2;

    private final BatchPlanner spreading = new BatchPlanner(new CostBands(4, 1), 8);

    @Example
    void leastAllocatedBandsSpreadAClassOverEqualNodes() {
        PlacementProblem problem = problem(new int[] {4}, new long[][] {{1000, 1 << 30, 1}},
                uniformNodes(4, 8000, 16L << 30, 110), (c, n) -> true, 1, 0);

        BatchPlacement placement = spreading.place(problem);

        assertThat(placement.assignments()).hasSize(4).allMatch(a -> a.count() == 1);
        assertThat(placement.pendingCount()).isZero();
        assertThat(placement.provablyOptimal()).isTrue();
    }

    @Example
    void mostAllocatedPacksOntoTheFullerNode() {
        long[][] allocatable = {{4000, 8L << 30, 110}, {4000, 8L << 30, 110}};
        long[][] requested = {{0, 0, 0}, {2000, 4L << 30, 2}};
        long[][] requests = {{500, 512L << 20, 1}};
        PlacementProblem problem = new PlacementProblem(new int[] {4}, requests, allocatable, requested,
                (c, n) -> true, new AllocationCost(requests, allocatable, requested, 0, 1, CPU, MEMORY));

        BatchPlacement placement = spreading.place(problem);

        assertThat(placement.assignments()).containsExactly(new Assignment(0, 1, 4));
    }

    @Example
    void podsThatFitNowhereStayPendingAndTheRestArePlaced() {
        PlacementProblem problem = problem(new int[] {3, 2}, new long[][] {{3000, 1 << 30, 1}, {16000, 1 << 30, 1}},
                uniformNodes(2, 4000, 8L << 30, 110), (c, n) -> true, 1, 0);

        BatchPlacement placement = spreading.place(problem);

        assertThat(placement.pending()).containsExactly(1, 2);
        assertThat(placement.placedCount()).isEqualTo(2);
    }

    @Example
    void aClassGoesOnlyWhereTheFilterAllowsIt() {
        PlacementProblem problem = problem(new int[] {5}, new long[][] {{100, 1 << 20, 1}},
                uniformNodes(3, 4000, 8L << 30, 110), (c, n) -> n == 2, 1, 0);

        BatchPlacement placement = spreading.place(problem);

        assertThat(placement.assignments()).containsExactly(new Assignment(0, 2, 5));
    }

    @Example
    void mixedClassesThatOverfillANodeAreRepairedInALaterRound() {
        // per class, 2 cpu-heavy pods or 2 memory-heavy pods fit the big node, but not 2 of each
        long[][] requests = {{2000, 1L << 30, 1}, {500, 4L << 30, 1}};
        long[][] allocatable = {{4000, 8L << 30, 110}, {2000, 4L << 30, 110}, {2000, 4L << 30, 110}};
        long[][] requested = new long[3][3];
        PlacementProblem problem = new PlacementProblem(new int[] {2, 2}, requests, allocatable, requested,
                (c, n) -> true, (c, n, placed) -> n == 0 ? 0 : 50);

        BatchPlacement placement = new BatchPlanner(CostBands.LINEAR, 8).place(problem);

        assertThat(placement.rounds()).isGreaterThan(1);
        assertThat(placement.pendingCount()).isZero();
        assertFits(problem, placement);
    }

    @Example
    void podsTheLastRoundGivesBackArePlacedOneByOneWhereTheyFit() {
        long[][] requests = {{2000, 1L << 30, 1}, {500, 4L << 30, 1}};
        long[][] allocatable = {{4000, 8L << 30, 110}, {2000, 4L << 30, 110}, {2000, 4L << 30, 110}};
        long[][] requested = new long[3][3];
        PlacementProblem problem = new PlacementProblem(new int[] {2, 2}, requests, allocatable, requested,
                (c, n) -> true, (c, n, placed) -> n == 0 ? 0 : 50);

        BatchPlacement placement = new BatchPlanner(CostBands.LINEAR, 1).place(problem);

        assertThat(placement.rounds()).isEqualTo(1);
        assertThat(placement.pendingCount()).isZero();
        assertFits(problem, placement);
    }

    @Example
    void rejectsACostOutsideTheRange() {
        PlacementProblem problem = new PlacementProblem(new int[] {1}, new long[][] {{1}}, new long[][] {{1}},
                new long[][] {{0}}, (c, n) -> true, (c, n, placed) -> 101);

        assertThatThrownBy(() -> spreading.place(problem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside 0..100");
    }

    @Property(tries = 300)
    void neverOverfillsANodeNorIgnoresTheFilter(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int classes,
            @ForAll @IntRange(min = 1, max = 12) int nodes, @ForAll @IntRange(min = 1, max = 3) int bands,
            @ForAll @IntRange(min = 1, max = 4) int rounds) {
        Random random = new Random(seed);
        boolean[][] allowed = randomFilter(random, classes, nodes);
        PlacementProblem problem = randomProblem(random, classes, nodes, 12, (c, n) -> allowed[c][n]);

        BatchPlacement placement = new BatchPlanner(new CostBands(bands, 1), rounds).place(problem);

        assertFits(problem, placement);
        for (Assignment assignment : placement.assignments()) {
            assertThat(allowed[assignment.podClass()][assignment.node()]).isTrue();
        }
        for (int c = 0; c < classes; c++) {
            int placed = 0;
            for (Assignment assignment : placement.assignments()) {
                placed += assignment.podClass() == c ? assignment.count() : 0;
            }
            assertThat(placed + placement.pending()[c]).isEqualTo(problem.classCounts()[c]);
            if (placement.pending()[c] > 0) {
                for (int n = 0; n < nodes; n++) {
                    assertThat(allowed[c][n] && fitsOneMore(problem, placement, c, n))
                            .as("class %d is pending while node %d has room", c, n).isFalse();
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

    @Property(tries = 300)
    void isOptimalWhenItSaysSoAndNeverBeatsTheBruteForceOptimum(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 2) int classes, @ForAll @IntRange(min = 1, max = 3) int nodes,
            @ForAll @IntRange(min = 1, max = 3) int bands) {
        Random random = new Random(seed);
        boolean[][] allowed = randomFilter(random, classes, nodes);
        PlacementProblem problem = randomProblem(random, classes, nodes, 3, (c, n) -> allowed[c][n]);
        CostBands costBands = new CostBands(bands, 1);

        BatchPlacement placement = new BatchPlanner(costBands, 4).place(problem);
        long best = BruteForcePlacement.bestObjective(problem, costBands);

        assertThat(placement.lowerBound()).isLessThanOrEqualTo(best);
        assertThat(placement.objective()).isGreaterThanOrEqualTo(best);
        if (placement.provablyOptimal()) {
            assertThat(placement.objective()).isEqualTo(best);
        }
    }

    @Property(tries = 300)
    void aSingleResourceBatchIsAlwaysOptimal(@ForAll long seed, @ForAll @IntRange(min = 1, max = 2) int classes,
            @ForAll @IntRange(min = 1, max = 3) int nodes) {
        // with one resource the node bound is exact for equal requests, and slots are exact per class
        Random random = new Random(seed);
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

        BatchPlacement placement = new BatchPlanner(CostBands.LINEAR, 4).place(problem);

        assertThat(placement.rounds()).isEqualTo(1);
        assertThat(placement.objective()).isEqualTo(BruteForcePlacement.bestObjective(problem, CostBands.LINEAR));
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

    private static boolean[][] randomFilter(Random random, int classes, int nodes) {
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
    private static PlacementProblem randomProblem(Random random, int classes, int nodes, int maxCount,
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

    private static void assertFits(PlacementProblem problem, BatchPlacement placement) {
        for (int n = 0; n < problem.nodeCount(); n++) {
            for (int r = 0; r < problem.resourceCount(); r++) {
                long used = problem.nodeRequested()[n][r];
                for (Assignment assignment : placement.assignments()) {
                    if (assignment.node() == n) {
                        used += assignment.count() * problem.classRequests()[assignment.podClass()][r];
                    }
                }
                if (used > problem.nodeRequested()[n][r]) {
                    assertThat(used).as("resource %d of node %d", r, n)
                            .isLessThanOrEqualTo(problem.nodeAllocatable()[n][r]);
                }
            }
        }
    }
}
