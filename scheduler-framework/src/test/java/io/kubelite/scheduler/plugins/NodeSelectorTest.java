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

class NodeSelectorTest {

    static Stream<Arguments> cases() {
        NodeInfo ssdNode = node("n").label("disk", "ssd").label("zone", "a").info();
        return Stream.of(
                Arguments.of("a pod without selector fits any node", pod("p").info(), ssdNode, true),
                Arguments.of("a matching label fits", pod("p").nodeSelector("disk", "ssd").info(), ssdNode, true),
                Arguments.of("every selected label must match", pod("p").nodeSelector("disk", "ssd")
                        .nodeSelector("zone", "b").info(), ssdNode, false),
                Arguments.of("a different value does not fit", pod("p").nodeSelector("disk", "hdd").info(),
                        ssdNode, false),
                Arguments.of("a missing label does not fit", pod("p").nodeSelector("gpu", "true").info(),
                        node("n").info(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void keepsPodsOnNodesWithTheSelectedLabels(String behaviour, PodInfo pod, NodeInfo node, boolean fits) {
        Status status = new NodeSelector().filter(pod, node);

        assertThat(status.isSuccess()).isEqualTo(fits);
        if (!fits) {
            assertThat(status.reasons()).containsExactly("node(s) didn't match Pod's node affinity/selector");
        }
    }
}
