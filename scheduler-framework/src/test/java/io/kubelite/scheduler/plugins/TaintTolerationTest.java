package io.kubelite.scheduler.plugins;

import static io.kubelite.scheduler.testing.NodeBuilder.node;
import static io.kubelite.scheduler.testing.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaintTolerationTest {

    private static final NodeInfo GPU = node("n").taint("dedicated", "gpu", "NoSchedule").info();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("an untainted node takes any pod", pod("p").info(), node("n").info(), null),
                Arguments.of("a NoSchedule taint keeps an intolerant pod off", pod("p").info(), GPU,
                        "node(s) had untolerated taint {dedicated: gpu}"),
                Arguments.of("a NoExecute taint keeps an intolerant pod off", pod("p").info(),
                        node("n").taint("maintenance", null, "NoExecute").info(),
                        "node(s) had untolerated taint {maintenance: }"),
                Arguments.of("a PreferNoSchedule taint does not filter", pod("p").info(),
                        node("n").taint("spot", "true", "PreferNoSchedule").info(), null),
                Arguments.of("Equal with the same value tolerates",
                        pod("p").tolerate("dedicated", "Equal", "gpu", "NoSchedule").info(), GPU, null),
                Arguments.of("the operator defaults to Equal",
                        pod("p").tolerate("dedicated", null, "gpu", "NoSchedule").info(), GPU, null),
                Arguments.of("Equal with another value does not tolerate",
                        pod("p").tolerate("dedicated", "Equal", "db", "NoSchedule").info(), GPU,
                        "node(s) had untolerated taint {dedicated: gpu}"),
                Arguments.of("Exists ignores the value",
                        pod("p").tolerate("dedicated", "Exists", null, "NoSchedule").info(), GPU, null),
                Arguments.of("an empty effect tolerates every effect",
                        pod("p").tolerate("dedicated", "Exists", null, null).info(), GPU, null),
                Arguments.of("another effect does not tolerate",
                        pod("p").tolerate("dedicated", "Exists", null, "NoExecute").info(), GPU,
                        "node(s) had untolerated taint {dedicated: gpu}"),
                Arguments.of("an empty key with Exists tolerates everything",
                        pod("p").tolerate(null, "Exists", null, null).info(), GPU, null),
                Arguments.of("every taint must be tolerated", pod("p").tolerate("dedicated", "Exists", null, null)
                                .info(), node("n").taint("dedicated", "gpu", "NoSchedule")
                                .taint("zone", "edge", "NoSchedule").info(),
                        "node(s) had untolerated taint {zone: edge}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void keepsIntolerantPodsOffTaintedNodes(String behaviour, PodInfo pod, NodeInfo node, String reason) {
        Status status = new TaintToleration().filter(pod, node);

        if (reason == null) {
            assertThat(status).isEqualTo(Status.SUCCESS);
        } else {
            assertThat(status.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
            assertThat(status.reasons()).containsExactly(reason);
        }
    }
}
