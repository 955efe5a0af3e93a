package io.kubelite.scheduler.algorithm;

import io.kubelite.scheduler.plugins.InTreePlugins;
import io.kubelite.scheduler.testing.MixedWorkload;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Measures greedy on a large {@link MixedWorkload}: 5,000 nodes and 10,000 pending pods unless told otherwise.
 * Prints pods per second for each of a few rounds after warm-up. Run with
 * {@code mvn -B -ntp -pl scheduler-framework test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.kubelite.scheduler.algorithm.GreedyThroughput}.
 */
public final class GreedyThroughput {

    private GreedyThroughput() { }

    public static void main(String[] args) {
        int nodeCount = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int podCount = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        MixedWorkload workload = MixedWorkload.of(nodeCount, podCount);
        for (String scorer : List.of("LeastAllocated", "MostAllocated")) {
            PlacementAlgorithm greedy = new GreedyAlgorithm(InTreePlugins.profile(Map.of(scorer, 1)), new Random(7));
            for (int round = 0; round < 6; round++) {
                long start = System.nanoTime();
                PlacementResult result = greedy.place(workload.pods(), workload.snapshot());
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("greedy %s %d nodes x %d pods: %d placed, %d unplaced in %.3f s = %.0f pods/s%s%n",
                        scorer, nodeCount, podCount, result.placements().size(), result.unplaced().size(), seconds,
                        podCount / seconds, round < 2 ? " (warm-up)" : "");
            }
        }
    }
}
