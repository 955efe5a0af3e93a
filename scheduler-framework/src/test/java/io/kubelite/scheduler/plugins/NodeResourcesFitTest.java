package io.kubelite.scheduler.plugins;

import static io.kubelite.scheduler.testing.NodeBuilder.node;
import static io.kubelite.scheduler.testing.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.Status;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeResourcesFitTest {

    private static final NodeInfo EMPTY = node("n").allocatable("2", "4Gi", "3").info();
    private static final PodInfo HALF = pod("half").requests("1", "2Gi").info();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no resources requested always fits", pod("p").info(), EMPTY, List.of()),
                Arguments.of("a request equal to what is left fits", pod("p").requests("2", "4Gi").info(), EMPTY,
                        List.of()),
                Arguments.of("too much cpu", pod("p").requests("2001m", "1Gi").info(), EMPTY,
                        List.of("Insufficient cpu")),
                Arguments.of("too much memory", pod("p").requests("1", "5Gi").info(), EMPTY,
                        List.of("Insufficient memory")),
                Arguments.of("requests of bound pods count", pod("p").requests("1500m", "1Gi").info(),
                        EMPTY.withPod(HALF), List.of("Insufficient cpu")),
                Arguments.of("both too much cpu and memory name both", pod("p").requests("3", "5Gi").info(), EMPTY,
                        List.of("Insufficient cpu", "Insufficient memory")),
                Arguments.of("the pod count is a resource too", pod("p").info(),
                        EMPTY.withPod(HALF).withPod(pod("a").info()).withPod(pod("b").info()),
                        List.of("Too many pods")),
                Arguments.of("a node without allocatable pods takes none", pod("p").info(),
                        node("n").allocatable("2", "4Gi", "0").info(), List.of("Too many pods")),
                Arguments.of("a pod leaving frees its requests", pod("p").requests("2", "4Gi").info(),
                        EMPTY.withPod(HALF).withoutPod(HALF), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filtersByWhatIsLeftOnTheNode(String behaviour, PodInfo pod, NodeInfo node, List<String> reasons) {
        Status status = new NodeResourcesFit().filter(pod, node);

        assertThat(status.reasons()).containsExactlyElementsOf(reasons);
        assertThat(status.code()).isEqualTo(reasons.isEmpty() ? Status.Code.SUCCESS : Status.Code.UNSCHEDULABLE);
    }
}
