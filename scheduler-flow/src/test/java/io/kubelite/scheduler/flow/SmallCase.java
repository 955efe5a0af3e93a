package io.kubelite.scheduler.flow;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** A small batch that brute force can solve: 1-3 classes, 1-3 nodes, 1-3 bands, each shape equally often. */
record SmallCase(long seed, int classes, int nodes, int bands) {

    /** {@code count} cases, their seeds drawn from {@code seed}. */
    static Stream<SmallCase> cases(long seed, int count) {
        Random seeds = new Random(seed);
        return IntStream.range(0, count)
                .mapToObj(i -> new SmallCase(seeds.nextLong(), 1 + i % 3, 1 + i / 3 % 3, 1 + i / 9 % 3));
    }

    /** The case's batch: a random filter, then random classes and nodes (up to 3 pods a class) it applies to. */
    record Batch(boolean[][] allowed, PlacementProblem problem, CostBands bands) {
    }

    Batch batch() {
        Random random = new Random(seed);
        boolean[][] allowed = BatchPlannerTest.randomFilter(random, classes, nodes);
        PlacementProblem problem = BatchPlannerTest.randomProblem(random, classes, nodes, 3, (c, n) -> allowed[c][n]);
        return new Batch(allowed, problem, new CostBands(bands, 1));
    }
}
