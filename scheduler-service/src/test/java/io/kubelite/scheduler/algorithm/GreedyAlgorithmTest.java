package io.kubelite.scheduler.algorithm;

import static io.kubelite.scheduler.testing.NodeBuilder.node;
import static io.kubelite.scheduler.testing.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.plugins.InTreePlugins;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GreedyAlgorithmTest {

    private static final PlacementAlgorithm SPREAD =
            new GreedyAlgorithm(InTreePlugins.profile(Map.of("LeastAllocated", 1)), new Random(1));
    private static final PlacementAlgorithm PACK =
            new GreedyAlgorithm(InTreePlugins.profile(Map.of("MostAllocated", 1)), new Random(1));

    @Test
    void placesEachPodOnAFeasibleNode() {
        PlacementResult result = SPREAD.place(List.of(pod("web").requests("1", "1Gi").nodeSelector("disk", "ssd")
                .info()), snapshot(node("hdd").label("disk", "hdd").info(), node("ssd").label("disk", "ssd").info()));

        assertThat(result.placements()).singleElement().satisfies(p -> assertThat(p.nodeName()).isEqualTo("ssd"));
        assertThat(result.unplaced()).isEmpty();
    }

    @Test
    void explainsAPodThatFitsNowhereLikeKubeScheduler() {
        ClusterSnapshot cluster = snapshot(node("a").allocatable("4", "1Gi", "110").info(),
                node("b").allocatable("4", "1Gi", "110").info(),
                node("gpu").taint("dedicated", "gpu", "NoSchedule").info());

        PlacementResult result = SPREAD.place(List.of(pod("big").requests("1", "2Gi").info()), cluster);

        assertThat(result.placements()).isEmpty();
        assertThat(result.unplaced()).singleElement().satisfies(u -> assertThat(u.error().message()).isEqualTo(
                "0/3 nodes are available: 2 Insufficient memory, 1 node(s) had untolerated taint {dedicated: gpu}."));
    }

    @Test
    void aClusterWithoutNodesSaysSo() {
        PlacementResult result = SPREAD.place(List.of(pod("p").info()), snapshot());

        assertThat(result.unplaced()).singleElement()
                .satisfies(u -> assertThat(u.error().message()).isEqualTo("no nodes available to schedule pods"));
    }

    @Test
    void higherPriorityThenOlderPodsGoFirst() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<PodInfo> pods = List.of(
                pod("young").requests("1", null).created(t.plusSeconds(10)).info(),
                pod("old").requests("1", null).created(t).info(),
                pod("important").requests("1", null).created(t.plusSeconds(20)).priority(1000).info());

        PlacementResult result = SPREAD.place(pods, snapshot(node("n").allocatable("2", "8Gi", "110").info()));

        assertThat(result.placements()).extracting(p -> p.pod().name()).containsExactly("important", "old");
        assertThat(result.unplaced()).extracting(u -> u.pod().name()).containsExactly("young");
    }

    @Test
    void eachPlacementIsAssumedBeforeTheNextPod() {
        List<PodInfo> pods = IntStream.range(0, 4).mapToObj(i -> pod("p" + i).requests("1", "1Gi").info()).toList();

        PlacementResult result = SPREAD.place(pods, snapshot(node("a").allocatable("2", "8Gi", "110").info(),
                node("b").allocatable("2", "8Gi", "110").info()));

        assertThat(countByNode(result)).isEqualTo(Map.of("a", 2L, "b", 2L));
    }

    @Test
    void leastAllocatedSpreadsAndMostAllocatedPacks() {
        List<PodInfo> pods = IntStream.range(0, 4).mapToObj(i -> pod("p" + i).requests("500m", "512Mi").info())
                .toList();
        ClusterSnapshot cluster = snapshot(IntStream.range(0, 4).mapToObj(i -> node("n" + i).info())
                .toArray(NodeInfo[]::new));

        assertThat(countByNode(SPREAD.place(pods, cluster))).hasSize(4);
        assertThat(countByNode(PACK.place(pods, cluster))).hasSize(1);
    }

    @Test
    void equalNodesShareTheLoadInsteadOfTheFirstTakingAll() {
        List<PodInfo> pods = IntStream.range(0, 200).mapToObj(i -> pod("p" + i).info()).toList();
        ClusterSnapshot cluster = snapshot(IntStream.range(0, 10).mapToObj(i -> node("n" + i).info())
                .toArray(NodeInfo[]::new));

        Map<String, Long> counts = countByNode(SPREAD.place(pods, cluster));

        assertThat(counts).hasSize(10);
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(5L, 40L));
    }

    @Test
    void theSnapshotIsNotChanged() {
        NodeInfo before = node("n").info();
        ClusterSnapshot cluster = snapshot(before);

        SPREAD.place(List.of(pod("p").requests("1", "1Gi").info()), cluster);

        assertThat(cluster.nodes()).containsExactly(before);
    }

    private static ClusterSnapshot snapshot(NodeInfo... nodes) {
        return new ClusterSnapshot(List.of(nodes));
    }

    private static Map<String, Long> countByNode(PlacementResult result) {
        return result.placements().stream().collect(Collectors.groupingBy(PlacementResult.Placement::nodeName,
                Collectors.counting()));
    }
}
