package io.kubelite.scheduler.algorithm;

import static io.kubelite.scheduler.testing.NodeBuilder.node;
import static org.assertj.core.api.Assertions.assertThat;
import static io.kubelite.scheduler.testing.PodBuilder.pod;

import io.kubelite.scheduler.flow.BatchPlacement;
import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.SchedulingProfile;
import io.kubelite.scheduler.plugins.InTreePlugins;
import io.kubelite.scheduler.testing.NodeBuilder;
import io.kubelite.scheduler.testing.PodBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MinCostFlowAlgorithmTest extends PlacementAlgorithmContract {

    /** The scheduler's default. */
    private static final Duration SEARCH_TIME = Duration.ofMillis(500);

    private static final PlacementAlgorithm SPREAD =
            new MinCostFlowAlgorithm(InTreePlugins.profile(Map.of("LeastAllocated", 1)), SEARCH_TIME);
    private static final PlacementAlgorithm PACK =
            new MinCostFlowAlgorithm(InTreePlugins.profile(Map.of("MostAllocated", 1)), SEARCH_TIME);

    @Override
    PlacementAlgorithm spread() {
        return SPREAD;
    }

    @Override
    PlacementAlgorithm pack() {
        return PACK;
    }

    @Test
    void saysWhenItProvedThePlacementOptimal() {
        // spreading wants each pod on an empty node; three pods of different shapes share two nodes exactly
        List<NodeInfo> nodes = List.of(node("a").allocatable("2", "4Gi", "10").info(),
                node("b").allocatable("2", "4Gi", "10").info());
        List<PodInfo> pods = List.of(pod("cpu").requests("1500m", "1Gi").info(),
                pod("memory").requests("500m", "3Gi").info(), pod("both").requests("1", "2Gi").info());

        PlacementResult result = SPREAD.place(pods, new ClusterSnapshot(nodes));

        assertThat(result.placements()).hasSize(3);
        assertThat(result.quality()).isEqualTo("proven optimal");
    }

    @Test
    void saysHowFarFromTheOptimumAnUnprovenPlacementMayBe() {
        BatchPlacement batch = new BatchPlacement(List.of(), new int[0], 101, 1_013, 1_000, 1_000, false,
                BatchPlacement.Origin.SEARCH, 3, 12);

        assertThat(MinCostFlowAlgorithm.quality(batch)).isEqualTo("at most 1.3% above the optimum (objective 1013, "
                + "lower bound 1000; a longer kubelite.scheduler.mincostflow-search-time may close it)");
    }

    /** 0-10 nodes, 0-40 pods and weights 0-2: every node count and weight pair comes up, pod counts at random. */
    record ClusterCase(long seed, int nodeCount, int podCount, int leastWeight, int mostWeight) {
    }

    static Stream<ClusterCase> randomClusters() {
        Random random = new Random(20260106L);
        return IntStream.range(0, 300).mapToObj(i -> new ClusterCase(random.nextLong(), i % 11,
                EdgeBiasedRandom.between(random, 0, 40), i / 11 % 3, i / 33 % 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomClusters")
    void neverOvercommitsNorPlacesAPodAFilterRejectsNorDropsOne(ClusterCase clusterCase) {
        Random random = new Random(clusterCase.seed());
        List<NodeInfo> nodes = IntStream.range(0, clusterCase.nodeCount())
                .mapToObj(i -> randomNode(random, "node-" + i)).toList();
        List<PodInfo> pods = IntStream.range(0, clusterCase.podCount())
                .mapToObj(i -> randomPod(random, "pod-" + i)).toList();
        SchedulingProfile profile = InTreePlugins.profile(Map.of("LeastAllocated", clusterCase.leastWeight(),
                "MostAllocated", clusterCase.mostWeight()));

        PlacementResult result = new MinCostFlowAlgorithm(profile, SEARCH_TIME).place(pods, new ClusterSnapshot(nodes));

        PlacementChecks.assertValid(clusterCase, profile, nodes, pods, result);
    }

    /** Nodes of random size, zone, taint and state, with a pod already bound to some of them. */
    private static NodeInfo randomNode(Random random, String name) {
        int cpu = random.nextInt(8001);
        int memoryMi = random.nextInt(16385);
        NodeBuilder builder = node(name).allocatable(cpu + "m", memoryMi + "Mi", String.valueOf(1 + random.nextInt(6)))
                .ready(random.nextInt(4) == 0 ? "False" : "True");
        if (random.nextBoolean()) {
            builder.label("zone", random.nextBoolean() ? "a" : "b");
        }
        if (random.nextInt(4) == 0) {
            builder.taint("dedicated", "gpu", "NoSchedule");
        }
        if (random.nextInt(6) == 0) {
            builder.unschedulable();
        }
        NodeInfo info = builder.info();
        return random.nextBoolean() ? info
                : info.withPod(pod(name + "-bound").requests(random.nextInt(cpu + 1) + "m", "64Mi").info());
    }

    /** Pods drawn from a few shapes, so that classes hold several pods, with random selectors and tolerations. */
    private static PodInfo randomPod(Random random, String name) {
        String[] cpus = {"0", "250m", "1", "2500m"};
        String[] memories = {"0", "256Mi", "2Gi"};
        PodBuilder builder = pod(name).requests(cpus[random.nextInt(cpus.length)],
                memories[random.nextInt(memories.length)]).priority(random.nextInt(2));
        if (random.nextInt(3) == 0) {
            builder.nodeSelector("zone", "a");
        }
        if (random.nextInt(3) == 0) {
            builder.tolerate("dedicated", "Equal", "gpu", "NoSchedule");
        }
        return builder.info();
    }
}
