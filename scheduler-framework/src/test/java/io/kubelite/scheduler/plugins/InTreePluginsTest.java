package io.kubelite.scheduler.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.scheduler.framework.Plugin;
import io.kubelite.scheduler.framework.SchedulingProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InTreePluginsTest {

    @Test
    void profileRunsEveryFilterWithTheResourcesCheckLast() {
        SchedulingProfile profile = InTreePlugins.profile(Map.of("LeastAllocated", 1));

        assertThat(profile.filters()).extracting(Plugin::name).containsExactly("NodeReady", "NodeUnschedulable",
                "NodeSelector", "TaintToleration", "NodeResourcesFit");
        assertThat(profile.resourceFilters()).extracting(Plugin::name).containsExactly("NodeResourcesFit");
    }

    @Test
    void scorersWithZeroWeightAreLeftOut() {
        SchedulingProfile profile = InTreePlugins.profile(Map.of("LeastAllocated", 0, "MostAllocated", 3));

        assertThat(profile.scorers()).singleElement().satisfies(s -> {
            assertThat(s.plugin().name()).isEqualTo("MostAllocated");
            assertThat(s.weight()).isEqualTo(3);
        });
    }

    @Test
    void scorerNamesIgnoreCaseAsEnvironmentVariablesLowerThem() {
        SchedulingProfile profile = InTreePlugins.profile(Map.of("mostallocated", 1));

        assertThat(profile.scorers()).singleElement()
                .satisfies(s -> assertThat(s.plugin().name()).isEqualTo("MostAllocated"));
    }

    @Test
    void unknownScorerNameIsAnError() {
        assertThatThrownBy(() -> InTreePlugins.profile(Map.of("Spread", 1)))
                .hasMessage("No score plugin is named Spread; known: [LeastAllocated, MostAllocated]");
    }
}
