package io.kubelite.scheduler.algorithm;

import static io.kubelite.scheduler.testing.NodeBuilder.node;
import static io.kubelite.scheduler.testing.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.plugins.InTreePlugins;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GreedyAlgorithmTest extends PlacementAlgorithmContract {

    private static final PlacementAlgorithm SPREAD =
            new GreedyAlgorithm(InTreePlugins.profile(Map.of("LeastAllocated", 1)), new Random(1));
    private static final PlacementAlgorithm PACK =
            new GreedyAlgorithm(InTreePlugins.profile(Map.of("MostAllocated", 1)), new Random(1));

    @Override
    PlacementAlgorithm spread() {
        return SPREAD;
    }

    @Override
    PlacementAlgorithm pack() {
        return PACK;
    }

    @Test
    void placesOnePodAtATimeInPriorityThenCreationOrder() {
        PlacementResult result = SPREAD.place(youngOldAndImportant(), snapshot(node("n").allocatable("2", "8Gi", "110")
                .info()));

        assertThat(result.placements()).extracting(p -> p.pod().name()).containsExactly("important", "old");
    }

    @Test
    void eachPlacementIsAssumedBeforeTheNextPod() {
        List<PodInfo> pods = IntStream.range(0, 4).mapToObj(i -> pod("p" + i).requests("1", "1Gi").info()).toList();

        PlacementResult result = SPREAD.place(pods, snapshot(node("a").allocatable("2", "8Gi", "110").info(),
                node("b").allocatable("2", "8Gi", "110").info()));

        assertThat(countByNode(result)).isEqualTo(Map.of("a", 2L, "b", 2L));
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
}
