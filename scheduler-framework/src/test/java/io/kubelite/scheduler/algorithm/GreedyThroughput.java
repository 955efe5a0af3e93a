package io.kubelite.scheduler.algorithm;

import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.plugins.InTreePlugins;
import io.kubelite.scheduler.testing.NodeBuilder;
import io.kubelite.scheduler.testing.PodBuilder;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Measures greedy on a large cluster: 5,000 nodes (some labelled, some tainted) and 10,000 pending pods with
 * mixed requests. Prints pods per second for each of a few rounds after warm-up. Run with
 * {@code mvn -B -ntp -pl scheduler-framework test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.kubelite.scheduler.algorithm.GreedyThroughput}.
 */
public final class GreedyThroughput {

    private GreedyThroughput() { }

    public static void main(String[] args) {
        int nodeCount = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int podCount = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        SplittableRandom random = new SplittableRandom(42);
        List<NodeInfo> nodes = IntStream.range(0, nodeCount).mapToObj(i -> {
            NodeBuilder node = NodeBuilder.node("node-" + i).allocatable(random.nextInt(4, 65) + "",
                    random.nextInt(8, 257) + "Gi", "110").label("zone", "zone-" + (i % 3));
            if (i % 10 == 0) {
                node.taint("dedicated", "gpu", "NoSchedule");
            }
            return node.info();
        }).toList();
        String[] cpus = {"100m", "250m", "500m", "1", "2"};
        String[] memories = {"128Mi", "256Mi", "512Mi", "1Gi", "4Gi"};
        List<PodInfo> pods = IntStream.range(0, podCount).mapToObj(i -> {
            PodBuilder pod = PodBuilder.pod("pod-" + i).requests(cpus[random.nextInt(cpus.length)],
                    memories[random.nextInt(memories.length)]).priority(random.nextInt(3));
            if (i % 5 == 0) {
                pod.nodeSelector("zone", "zone-" + (i % 3));
            }
            if (i % 20 == 0) {
                pod.tolerate("dedicated", "Equal", "gpu", "NoSchedule");
            }
            return pod.info();
        }).toList();
        ClusterSnapshot snapshot = new ClusterSnapshot(nodes);
        for (String scorer : List.of("LeastAllocated", "MostAllocated")) {
            PlacementAlgorithm greedy = new GreedyAlgorithm(InTreePlugins.profile(Map.of(scorer, 1)), new Random(7));
            for (int round = 0; round < 6; round++) {
                long start = System.nanoTime();
                PlacementResult result = greedy.place(pods, snapshot);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("greedy %s %d nodes x %d pods: %d placed, %d unplaced in %.3f s = %.0f pods/s%s%n",
                        scorer, nodeCount, podCount, result.placements().size(), result.unplaced().size(), seconds,
                        podCount / seconds, round < 2 ? " (warm-up)" : "");
            }
        }
    }
}
