package io.kubelite.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.core.ContainerState;
import io.kubelite.model.core.ContainerStateTerminated;
import io.kubelite.model.core.ContainerStatus;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The pod phase follows the kubelet's rules for each restart policy. */
class PodPhaseTest {

    private static final ContainerStatus RUNNING = status(ContainerState.running(Instant.EPOCH), null);
    private static final ContainerStatus CREATING = status(ContainerState.waiting("ContainerCreating", null), null);
    private static final ContainerStatus SUCCEEDED = status(exited(0), null);
    private static final ContainerStatus FAILED = status(exited(1), null);
    private static final ContainerStatus BACKING_OFF = status(ContainerState.waiting("CrashLoopBackOff", null), exited(1));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a container waiting for its first start keeps the pod pending", List.of(RUNNING, CREATING), "Always", "Pending"),
                Arguments.of("one running container makes it running", List.of(RUNNING, FAILED), "Never", "Running"),
                Arguments.of("a container backing off before a restart keeps it running", List.of(BACKING_OFF), "Always", "Running"),
                Arguments.of("Always: all ended is still running (they restart)", List.of(SUCCEEDED), "Always", "Running"),
                Arguments.of("OnFailure: all succeeded is succeeded", List.of(SUCCEEDED, SUCCEEDED), "OnFailure", "Succeeded"),
                Arguments.of("OnFailure: a failure restarts, so running", List.of(SUCCEEDED, FAILED), "OnFailure", "Running"),
                Arguments.of("Never: all succeeded is succeeded", List.of(SUCCEEDED), "Never", "Succeeded"),
                Arguments.of("Never: any failure is failed", List.of(SUCCEEDED, FAILED), "Never", "Failed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void phase(String behaviour, List<ContainerStatus> containers, String restartPolicy, String phase) {
        assertThat(PodStatusCalculator.phase(containers, restartPolicy)).isEqualTo(phase);
    }

    private static ContainerState exited(int code) {
        return ContainerState.terminated(new ContainerStateTerminated(code, null, code == 0 ? "Completed" : "Error",
                null, Instant.EPOCH, Instant.EPOCH, "simulated://x"));
    }

    private static ContainerStatus status(ContainerState state, ContainerState lastState) {
        return new ContainerStatus("c", state, lastState, state.running() != null, 0, "image", "", null,
                state.running() != null);
    }
}
