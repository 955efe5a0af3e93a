package io.kubelite.scheduler.algorithm;

import static io.kubelite.scheduler.algorithm.EdgeBiasedRandom.between;

import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.SchedulingProfile;
import io.kubelite.scheduler.plugins.InTreePlugins;
import io.kubelite.scheduler.testing.NodeBuilder;
import io.kubelite.scheduler.testing.PodBuilder;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever the cluster and the pods, greedy never overcommits a node nor places a pod a filter rejects. */
class GreedyPlacementPropertiesTest {

    private static final List<String> ZONES = List.of("a", "b", "c");
    private static final List<String> EFFECTS = List.of("NoSchedule", "NoExecute", "PreferNoSchedule");

    /** 0-12 nodes and 0-40 pods built from the seed; every pair of weights 0-3 comes up equally often. */
    record ClusterCase(long seed, int nodeCount, int podCount, int leastWeight, int mostWeight) {
    }

    static Stream<ClusterCase> randomClusters() {
        Random random = new Random(20260107L);
        return IntStream.range(0, 1000).mapToObj(i -> new ClusterCase(random.nextLong(), between(random, 0, 12),
                between(random, 0, 40), i % 4, i / 4 % 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomClusters")
    void neverOvercommitsNorPlacesAPodAFilterRejects(ClusterCase clusterCase) {
        Random random = new Random(clusterCase.seed());
        List<NodeInfo> nodes = IntStream.range(0, clusterCase.nodeCount())
                .mapToObj(i -> randomNode(random, "node-" + i)).toList();
        List<PodInfo> pods = IntStream.range(0, clusterCase.podCount())
                .mapToObj(i -> randomPod(random, "pod-" + i)).toList();
        SchedulingProfile profile = InTreePlugins.profile(Map.of("LeastAllocated", clusterCase.leastWeight(),
                "MostAllocated", clusterCase.mostWeight()));

        PlacementResult result = new GreedyAlgorithm(profile, random).place(pods, new ClusterSnapshot(nodes));

        PlacementChecks.assertValid(clusterCase, profile, nodes, pods, result);
    }

    /** A node with random allocatable, labels, taints, state and a pod already bound to it. */
    private static NodeInfo randomNode(Random random, String name) {
        int cpu = between(random, 0, 8000);
        int memoryMi = between(random, 0, 16384);
        int podSlots = between(random, 1, 8);
        NodeBuilder builder = NodeBuilder.node(name).allocatable(cpu + "m", memoryMi + "Mi", String.valueOf(podSlots))
                .ready(random.nextInt(4) == 0 ? "False" : "True");
        if (random.nextInt(5) > 0) {
            builder.label("zone", ZONES.get(random.nextInt(ZONES.size())));
        }
        if (random.nextBoolean()) {
            builder.taint("dedicated", "gpu", EFFECTS.get(random.nextInt(EFFECTS.size())));
        }
        if (random.nextInt(4) == 0) {
            builder.unschedulable();
        }
        int boundCpu = between(random, 0, 6000);
        return builder.info().withPod(PodBuilder.pod(name + "-bound")
                .requests(Math.min(boundCpu, cpu) + "m", Math.min(64, memoryMi) + "Mi").info());
    }

    /** A pod with random requests, priority, selector and tolerations. */
    private static PodInfo randomPod(Random random, String name) {
        PodBuilder builder = PodBuilder.pod(name).requests(between(random, 0, 4000) + "m",
                between(random, 0, 8192) + "Mi").priority(between(random, 0, 3));
        if (random.nextInt(5) < 2) {
            builder.nodeSelector("zone", ZONES.get(random.nextInt(ZONES.size())));
        }
        if (random.nextBoolean()) {
            builder.tolerate("dedicated", "Equal", "gpu", EFFECTS.get(random.nextInt(EFFECTS.size())));
        }
        return builder.info();
    }
}
