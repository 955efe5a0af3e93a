package io.kubelite.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.scheduler.framework.SchedulingProfile;
import io.kubelite.scheduler.plugins.InTreePlugins;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

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
    void minCostFlowIsChosenByName() {
        assertThat(configuration.placementAlgorithm(properties("mincostflow", null), profile).name())
                .isEqualTo("mincostflow");
    }

    @Test
    void anUnknownAlgorithmIsNamedInTheError() {
        assertThatThrownBy(() -> configuration.placementAlgorithm(properties("random", null), profile))
                .hasMessage("Unknown kubelite.scheduler.algorithm 'random': use greedy or mincostflow");
    }

    @Test
    void scoreWeightsBindByPluginNameAndReplaceTheDefault() {
        var source = new MapConfigurationPropertySource(Map.of(
                "kubelite.scheduler.score-weights.MostAllocated", "2", "kubelite.scheduler.batch-size", "100"));

        SchedulerProperties bound = new Binder(source).bindOrCreate("kubelite.scheduler", SchedulerProperties.class);

        assertThat(bound.scoreWeights()).isEqualTo(Map.of("MostAllocated", 2));
        assertThat(configuration.schedulingProfile(bound).scorers()).singleElement()
                .satisfies(s -> assertThat(s.plugin().name()).isEqualTo("MostAllocated"));
        assertThat(bound.batchSize()).isEqualTo(100);
        assertThat(bound.pollInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    private static SchedulerProperties properties(String algorithm, Map<String, Integer> weights) {
        return new SchedulerProperties(algorithm, "default-scheduler", weights, Duration.ofSeconds(1), 5000, 32,
                Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMillis(500));
    }
}
