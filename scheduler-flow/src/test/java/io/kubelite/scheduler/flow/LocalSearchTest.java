package io.kubelite.scheduler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LocalSearchTest {

    private static final long NO_DEADLINE = System.nanoTime() + Duration.ofDays(1).toNanos();

    @Test
    void swapsTwoPodsWhenNeitherNodeHasRoomToMoveOneAlone() {
        // node 0 suits class 0, node 1 suits class 1; each is full with the other's pod
        long[][] requests = {{1000, 100, 1}, {1000, 100, 1}};
        long[][] allocatable = {{1000, 100, 10}, {1000, 100, 10}};
        PlacementProblem problem = new PlacementProblem(new int[] {1, 1}, requests, allocatable, new long[2][3],
                (c, n) -> true, (c, n, placed) -> c == n ? 0 : 80);
        int[][] placed = {{0, 1}, {1, 0}};
        int[] pending = {0, 0};

        long gain = new LocalSearch(problem, CostBands.LINEAR, new boolean[][] {{true, true}, {true, true}})
                .improve(placed, pending, BatchPlanner.freeResources(problem), NO_DEADLINE);

        assertThat(gain).isEqualTo(160);
        assertThat(placed).isEqualTo(new int[][] {{1, 0}, {0, 1}});
    }

    @Test
    void placesAPendingPodInAPlacedOnesStead() {
        // one slot: class 1 is worth placing more (pending costs the same, but class 0 costs 90 there)
        long[][] requests = {{1000, 100, 1}, {1000, 100, 1}};
        PlacementProblem problem = new PlacementProblem(new int[] {1, 1}, requests, new long[][] {{1000, 100, 10}},
                new long[1][3], (c, n) -> true, (c, n, placed) -> c == 0 ? 90 : 10);
        int[][] placed = {{1}, {0}};
        int[] pending = {0, 1};

        long gain = new LocalSearch(problem, CostBands.LINEAR, new boolean[][] {{true}, {true}})
                .improve(placed, pending, BatchPlanner.freeResources(problem), NO_DEADLINE);

        assertThat(gain).isEqualTo(80);
        assertThat(placed).isEqualTo(new int[][] {{0}, {1}});
        assertThat(pending).containsExactly(1, 0);
    }

    static Stream<SmallCase> smallBatches() {
        return SmallCase.cases(20261128L, 270);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallBatches")
    void onlyLowersTheObjectiveAndKeepsEveryNodeWithinItsResources(SmallCase smallCase) {
        SmallCase.Batch batch = smallCase.batch();
        boolean[][] allowed = batch.allowed();
        PlacementProblem problem = batch.problem();
        CostBands bands = batch.bands();
        BatchPlacement start = new BatchPlanner(bands, 1, Duration.ZERO).place(problem);
        int[][] placed = new int[smallCase.classes()][smallCase.nodes()];
        start.assignments().forEach(a -> placed[a.podClass()][a.node()] = a.count());
        int[] pending = start.pending().clone();
        long[][] free = BatchPlanner.freeResources(problem);

        long gain = new LocalSearch(problem, bands, allowed).improve(placed, pending, free, NO_DEADLINE);

        long objective = Placements.objective(problem, bands, placed, pending);
        assertThat(gain).as("%s: gain", smallCase).isNotNegative();
        assertThat(objective).as("%s: objective", smallCase).isEqualTo(start.objective() - gain)
                .isGreaterThanOrEqualTo(BruteForcePlacement.bestObjective(problem, bands));
        assertThat(Placements.fits(problem, placed, free)).as("%s: fits", smallCase).isTrue();
        assertThat(Placements.pending(problem, placed)).as("%s: pending", smallCase).containsExactly(pending);
        for (int c = 0; c < placed.length; c++) {
            for (int n = 0; n < placed[c].length; n++) {
                assertThat(placed[c][n] == 0 || allowed[c][n]).as("%s: filter", smallCase).isTrue();
            }
        }
    }
}
