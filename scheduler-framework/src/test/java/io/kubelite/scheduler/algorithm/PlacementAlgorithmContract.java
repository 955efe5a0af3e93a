package io.kubelite.scheduler.algorithm;

import static io.kubelite.scheduler.testing.NodeBuilder.node;
import static io.kubelite.scheduler.testing.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every placement algorithm does, whichever way it searches; each algorithm's test class extends this. */
abstract class PlacementAlgorithmContract {

    /** The algorithm scoring with LeastAllocated only. */
    abstract PlacementAlgorithm spread();

    /** The algorithm scoring with MostAllocated only. */
    abstract PlacementAlgorithm pack();

    @Test
    void placesEachPodOnANodeItsSelectorAllows() {
        PlacementResult result = spread().place(List.of(pod("web").requests("1", "1Gi").nodeSelector("disk", "ssd")
                .info()), snapshot(node("hdd").label("disk", "hdd").info(), node("ssd").label("disk", "ssd").info()));

        assertThat(result.placements()).singleElement().satisfies(p -> assertThat(p.nodeName()).isEqualTo("ssd"));
        assertThat(result.unplaced()).isEmpty();
    }

    @Test
    void explainsAPodThatFitsNowhereLikeKubeScheduler() {
        ClusterSnapshot cluster = snapshot(node("a").allocatable("4", "1Gi", "110").info(),
                node("b").allocatable("4", "1Gi", "110").info(),
                node("gpu").taint("dedicated", "gpu", "NoSchedule").info());

        PlacementResult result = spread().place(List.of(pod("big").requests("1", "2Gi").info()), cluster);

        assertThat(result.placements()).isEmpty();
        assertThat(result.unplaced()).singleElement().satisfies(u -> assertThat(u.error().message()).isEqualTo(
                "0/3 nodes are available: 2 Insufficient memory, 1 node(s) had untolerated taint {dedicated: gpu}."));
    }

    @Test
    void aClusterWithoutNodesSaysSo() {
        PlacementResult result = spread().place(List.of(pod("p").info()), snapshot());

        assertThat(result.unplaced()).singleElement()
                .satisfies(u -> assertThat(u.error().message()).isEqualTo("no nodes available to schedule pods"));
    }

    @Test
    void leastAllocatedSpreadsAndMostAllocatedPacks() {
        List<PodInfo> pods = IntStream.range(0, 4).mapToObj(i -> pod("p" + i).requests("500m", "512Mi").info())
                .toList();
        ClusterSnapshot cluster = snapshot(node("a").info(), node("b").info(), node("c").info(), node("d").info());

        assertThat(countByNode(spread().place(pods, cluster)).values()).containsOnly(1L).hasSize(4);
        assertThat(countByNode(pack().place(pods, cluster)).values()).containsExactly(4L);
    }

    @Test
    void higherPriorityThenOlderPodsGoFirst() {
        PlacementResult result = spread().place(youngOldAndImportant(), snapshot(node("n").allocatable("2", "8Gi", "110")
                .info()));

        assertThat(result.placements()).extracting(p -> p.pod().name()).containsExactlyInAnyOrder("important", "old");
        assertThat(result.unplaced()).extracting(u -> u.pod().name()).containsExactly("young");
    }

    /** Three one-cpu pods: the oldest, a younger one, and the youngest with a higher priority. */
    static List<PodInfo> youngOldAndImportant() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return List.of(
                pod("young").requests("1", null).created(t.plusSeconds(10)).info(),
                pod("old").requests("1", null).created(t).info(),
                pod("important").requests("1", null).created(t.plusSeconds(20)).priority(1000).info());
    }

    static ClusterSnapshot snapshot(NodeInfo... nodes) {
        return new ClusterSnapshot(List.of(nodes));
    }

    static Map<String, Long> countByNode(PlacementResult result) {
        return result.placements().stream()
                .collect(Collectors.groupingBy(PlacementResult.Placement::nodeName, Collectors.counting()));
    }
}
