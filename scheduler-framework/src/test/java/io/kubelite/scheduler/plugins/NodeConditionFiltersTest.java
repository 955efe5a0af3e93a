package io.kubelite.scheduler.plugins;

import static io.kubelite.scheduler.testing.NodeBuilder.node;
import static io.kubelite.scheduler.testing.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.scheduler.framework.FilterPlugin;
import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** NodeReady and NodeUnschedulable: whether a node takes new pods at all. */
class NodeConditionFiltersTest {

    private static final FilterPlugin READY = new NodeReady();
    private static final FilterPlugin UNSCHEDULABLE = new NodeUnschedulable();

    static Stream<Arguments> cases() {
        PodInfo plain = pod("p").info();
        return Stream.of(
                Arguments.of("a Ready node passes", READY, plain, node("n").info(), null),
                Arguments.of("a NotReady node fails", READY, plain, node("n").ready("False").info(),
                        "node(s) were not ready"),
                Arguments.of("a node in Unknown state fails", READY, plain, node("n").ready("Unknown").info(),
                        "node(s) were not ready"),
                Arguments.of("a node without a Ready condition fails", READY, plain, node("n").ready(null).info(),
                        "node(s) were not ready"),
                Arguments.of("a schedulable node passes", UNSCHEDULABLE, plain, node("n").info(), null),
                Arguments.of("a cordoned node fails", UNSCHEDULABLE, plain, node("n").unschedulable().info(),
                        "node(s) were unschedulable"),
                Arguments.of("a pod tolerating the unschedulable taint may use a cordoned node", UNSCHEDULABLE,
                        pod("p").tolerate("node.kubernetes.io/unschedulable", "Exists", null, "NoSchedule").info(),
                        node("n").unschedulable().info(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filtersNodesThatTakeNoPods(String behaviour, FilterPlugin plugin, PodInfo pod, NodeInfo node,
                                    String reason) {
        Status status = plugin.filter(pod, node);

        if (reason == null) {
            assertThat(status).isEqualTo(Status.SUCCESS);
        } else {
            assertThat(status.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
            assertThat(status.reasons()).containsExactly(reason);
        }
    }
}
