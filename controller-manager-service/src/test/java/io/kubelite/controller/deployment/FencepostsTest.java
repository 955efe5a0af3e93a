package io.kubelite.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.apps.DeploymentSpec;
import io.kubelite.model.apps.DeploymentStrategy;
import io.kubelite.model.apps.RollingUpdateDeployment;
import io.kubelite.model.meta.IntOrString;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FencepostsTest {

    @ParameterizedTest(name = "{0} replicas, surge {1}, unavailable {2} -> {3} / {4}")
    @CsvSource({
            "10, 25%, 25%, 3, 2",   // surge rounds up, unavailability down
            "4, 25%, 25%, 1, 1",
            "1, 25%, 25%, 1, 0",
            "3, 0, 10%, 0, 1",      // both round to 0: one pod may be unavailable
            "2, 1, 5, 1, 2",        // unavailability never above the replicas
            "0, 1, 1, 1, 0",
            "10, 0%, 100%, 0, 10",
    })
    void resolvesPercentagesAsKubernetes(int replicas, String surge, String unavailable, int expectedSurge,
                                         int expectedUnavailable) {
        DeploymentSpec spec = new DeploymentSpec(replicas, null, null, new DeploymentStrategy("RollingUpdate",
                new RollingUpdateDeployment(value(unavailable), value(surge))), null, null, null, null);

        assertThat(Fenceposts.of(spec)).isEqualTo(new Fenceposts(expectedSurge, expectedUnavailable));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Recreate"})
    void recreateHasNoSurgeAndNoUnavailability(String type) {
        DeploymentSpec spec = new DeploymentSpec(3, null, null, new DeploymentStrategy(type, null), null, null, null,
                null);

        assertThat(Fenceposts.of(spec)).isEqualTo(new Fenceposts(0, 0));
    }

    private static IntOrString value(String text) {
        return text.endsWith("%") ? IntOrString.of(text) : IntOrString.of(Integer.parseInt(text));
    }
}
