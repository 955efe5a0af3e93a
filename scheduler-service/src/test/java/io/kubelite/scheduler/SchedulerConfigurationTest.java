package io.kubelite.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.scheduler.framework.SchedulingProfile;
import io.kubelite.scheduler.plugins.InTreePlugins;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerConfigurationTest {

    private final SchedulerConfiguration configuration = new SchedulerConfiguration();
    private final SchedulingProfile profile = InTreePlugins.profile(Map.of("LeastAllocated", 1));

    @Test
    void greedyIsTheDefaultAlgorithmAndLeastAllocatedTheDefaultScore() {
        SchedulerProperties defaults = properties("greedy", null);

        assertThat(configuration.placementAlgorithm(defaults, profile).name()).isEqualTo("greedy");
        assertThat(defaults.scoreWeights()).isEqualTo(Map.of("LeastAllocated", 1));
    }

    @Test
    void minCostFlowFailsAtStartupWithAClearMessageUntilItIsAvailable() {
        assertThatThrownBy(() -> configuration.placementAlgorithm(properties("mincostflow", null), profile))
                .hasMessageContaining("kubelite.scheduler.algorithm=mincostflow is not available");
    }

    @Test
    void anUnknownAlgorithmIsNamedInTheError() {
        assertThatThrownBy(() -> configuration.placementAlgorithm(properties("random", null), profile))
                .hasMessage("Unknown kubelite.scheduler.algorithm 'random': use greedy or mincostflow");
    }

    private static SchedulerProperties properties(String algorithm, Map<String, Integer> weights) {
        return new SchedulerProperties(algorithm, "default-scheduler", weights, Duration.ofSeconds(1), 5000, 32,
                Duration.ofMinutes(5), Duration.ofSeconds(1));
    }
}
