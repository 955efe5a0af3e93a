package io.kubelite.model.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TolerationTest {

    private static final Taint DEDICATED = new Taint("dedicated", "gpu", "NoExecute", null);

    @Test
    void equalMatchesKeyValueAndEffect() {
        assertThat(new Toleration("dedicated", "Equal", "gpu", "NoExecute", null).tolerates(DEDICATED)).isTrue();
        assertThat(new Toleration("dedicated", null, "gpu", null, null).tolerates(DEDICATED))
                .as("Equal is the default operator; no effect matches every effect").isTrue();
        assertThat(new Toleration("dedicated", "Equal", "web", "NoExecute", null).tolerates(DEDICATED)).isFalse();
        assertThat(new Toleration("other", "Equal", "gpu", "NoExecute", null).tolerates(DEDICATED)).isFalse();
    }

    @Test
    void existsIgnoresTheValueAndAnEmptyKeyWithExistsMatchesEveryTaint() {
        assertThat(new Toleration("dedicated", "Exists", null, "NoExecute", null).tolerates(DEDICATED)).isTrue();
        assertThat(new Toleration(null, "Exists", null, null, null).tolerates(DEDICATED)).isTrue();
        assertThat(new Toleration(null, "Equal", null, null, null).tolerates(DEDICATED)).isFalse();
    }

    @Test
    void anotherEffectDoesNotMatch() {
        assertThat(new Toleration("dedicated", "Exists", null, "NoSchedule", null).tolerates(DEDICATED)).isFalse();
        assertThat(new Toleration("dedicated", "Exists", null, "NoSchedule", null)
                .tolerates("dedicated", null, "NoSchedule")).isTrue();
    }
}
