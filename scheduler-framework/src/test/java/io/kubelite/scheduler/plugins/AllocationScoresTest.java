package io.kubelite.scheduler.plugins;

import static io.kubelite.scheduler.testing.NodeBuilder.node;
import static io.kubelite.scheduler.testing.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.ScorePlugin;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** LeastAllocated and MostAllocated: kube-scheduler's formulas, cpu and memory weighted equally. */
class AllocationScoresTest {

    private static final ScorePlugin LEAST = new LeastAllocated();
    private static final ScorePlugin MOST = new MostAllocated();
    private static final NodeInfo EMPTY = node("n").allocatable("4", "8Gi", "110").info();

    static Stream<Arguments> cases() {
        PodInfo quarter = pod("p").requests("1", "2Gi").info();
        PodInfo cpuOnly = pod("p").requests("2", null).info();
        return Stream.of(
                Arguments.of("least: an empty node after a quarter pod keeps 75", LEAST, quarter, EMPTY, 75),
                Arguments.of("most: an empty node after a quarter pod scores 25", MOST, quarter, EMPTY, 25),
                Arguments.of("least: a pod requesting nothing on an empty node scores 100", LEAST, pod("p").info(),
                        EMPTY, 100),
                Arguments.of("most: a pod requesting nothing on an empty node scores 0", MOST, pod("p").info(),
                        EMPTY, 0),
                Arguments.of("least: resources average (cpu 50, memory 100)", LEAST, cpuOnly, EMPTY, 75),
                Arguments.of("most: resources average (cpu 50, memory 0)", MOST, cpuOnly, EMPTY, 25),
                Arguments.of("least: requests of bound pods count", LEAST, quarter, EMPTY.withPod(quarter), 50),
                Arguments.of("most: requests of bound pods count", MOST, quarter, EMPTY.withPod(quarter), 50),
                Arguments.of("least: an overcommitted resource scores 0", LEAST, pod("p").requests("8", "8Gi").info(),
                        EMPTY, 0),
                Arguments.of("most: a full node scores 100", MOST, pod("p").requests("4", "8Gi").info(), EMPTY, 100),
                Arguments.of("least: a node without capacity scores 0", LEAST, quarter,
                        node("n").allocatable("0", "0", "110").info(), 0),
                Arguments.of("least: scores round down", LEAST, pod("p").requests("1", null).info(),
                        node("n").allocatable("3", "8Gi", "110").info(), 83));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scoresByShareOfAllocatable(String behaviour, ScorePlugin plugin, PodInfo pod, NodeInfo node, long score) {
        assertThat(plugin.score(pod, node)).isEqualTo(score);
    }
}
