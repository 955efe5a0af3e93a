package io.kubelite.scheduler.algorithm;

import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.plugins.InTreePlugins;
import io.kubelite.scheduler.testing.NodeBuilder;
import io.kubelite.scheduler.testing.PodBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Measures the mincostflow algorithm through its PlacementAlgorithm interface, filters and score plugins
 * included: 5,000 nodes of four sizes (a tenth tainted, a third labelled zone a) and 10,000 pending pods in
 * 30 shapes (some selecting zone a, some tolerating the taint); shapes that draw equal requests and
 * constraints make one class. Prints the batch time for each scorer, after
 * warm-up. Run with {@code mvn -B -ntp -pl scheduler-framework test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.kubelite.scheduler.algorithm.MinCostFlowThroughput
 * [-Dexec.args="NODES PODS SHAPES"]}.
 */
public final class MinCostFlowThroughput {

    private static final String[] CPUS = {"100m", "250m", "500m", "1", "2", "4"};
    private static final String[] MEMORIES = {"128Mi", "256Mi", "512Mi", "1Gi", "2Gi", "4Gi", "8Gi"};

    public static void main(String[] args) {
        int nodeCount = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int podCount = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int shapeCount = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        SplittableRandom random = new SplittableRandom(1);
        List<NodeInfo> nodes = IntStream.range(0, nodeCount).mapToObj(i -> {
            int cores = 4 << random.nextInt(4);
            NodeBuilder node = NodeBuilder.node("node-" + i).allocatable(String.valueOf(cores), cores * 4 + "Gi", "110");
            if (random.nextInt(3) == 0) {
                node.label("zone", "a");
            }
            if (random.nextInt(10) == 0) {
                node.taint("dedicated", "gpu", "NoSchedule");
            }
            return node.info();
        }).toList();
        List<PodBuilder> shapes = IntStream.range(0, shapeCount).mapToObj(c -> {
            PodBuilder shape = PodBuilder.pod("shape-" + c).requests(CPUS[random.nextInt(CPUS.length)],
                    MEMORIES[random.nextInt(MEMORIES.length)]);
            if (c % 7 == 3) {
                shape.nodeSelector("zone", "a");
            }
            if (c % 10 == 0) {
                shape.tolerate("dedicated", "Equal", "gpu", "NoSchedule");
            }
            return shape;
        }).toList();
        List<PodInfo> pods = IntStream.range(0, podCount).mapToObj(i -> {
            PodInfo shape = shapes.get(random.nextInt(shapes.size())).info();
            return new PodInfo("uid-" + i, "default", "pod-" + i, "1", shape.milliCpu(), shape.memoryBytes(),
                    shape.priority(), shape.created(), shape.constraints());
        }).toList();
        ClusterSnapshot snapshot = new ClusterSnapshot(nodes);
        for (String scorer : List.of("LeastAllocated", "MostAllocated")) {
            PlacementAlgorithm algorithm = new MinCostFlowAlgorithm(InTreePlugins.profile(Map.of(scorer, 1)), Duration.ofMillis(500));
            for (int round = 0; round < 8; round++) {
                long start = System.nanoTime();
                PlacementResult result = algorithm.place(pods, snapshot);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("mincostflow %s %d nodes x %d pods: %d placed, %d unplaced in %.3f s%s%n", scorer,
                        nodeCount, podCount, result.placements().size(), result.unplaced().size(), seconds,
                        round < 3 ? " (warm-up)" : "");
            }
        }
    }

    private MinCostFlowThroughput() {
    }
}
