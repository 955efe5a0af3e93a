package io.kubelite.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.agent.AgentProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which ended containers restart, and how long the back-off waits. */
class RestartRulesTest {

    @Test
    void alwaysRestartsOnFailureOnlyAfterAFailureAndNeverNot() {
        assertThat(PodSyncer.restarts("Always", 0)).isTrue();
        assertThat(PodSyncer.restarts("OnFailure", 0)).isFalse();
        assertThat(PodSyncer.restarts("OnFailure", 137)).isTrue();
        assertThat(PodSyncer.restarts("Never", 1)).isFalse();
    }

    @Test
    void theBackOffDoublesFromItsBaseUpToItsMaximum() {
        AgentProperties.RestartBackOff backOff = new AgentProperties.RestartBackOff(Duration.ofSeconds(1),
                Duration.ofSeconds(60));
        assertThat(backOff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backOff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backOff.after(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backOff.after(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backOff.after(1000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void containerIdsCarryTheRuntimesName() {
        assertThat(PodSyncer.scheme("docker://20.10.24")).isEqualTo("docker");
        assertThat(PodSyncer.scheme("simulated://0.1.0")).isEqualTo("simulated");
    }
}
