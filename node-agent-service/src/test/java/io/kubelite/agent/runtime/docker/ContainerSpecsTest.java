package io.kubelite.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.quantity.Quantity;
import org.junit.jupiter.api.Test;

class ContainerSpecsTest {

    @Test
    void aCpuLimitBecomesNanoCpus() {
        assertThat(ContainerSpecs.nanoCpus(Quantity.parse("250m"), 4)).isEqualTo(250_000_000L);
        assertThat(ContainerSpecs.nanoCpus(Quantity.parse("1.5"), 4)).isEqualTo(1_500_000_000L);
    }

    @Test
    void aCpuLimitIsKeptWithinWhatDockerAccepts() {
        assertThat(ContainerSpecs.nanoCpus(Quantity.parse("1m"), 4)).isEqualTo(ContainerSpecs.MIN_NANO_CPUS);
        assertThat(ContainerSpecs.nanoCpus(Quantity.parse("6"), 4)).isEqualTo(4_000_000_000L);
        assertThat(ContainerSpecs.nanoCpus(Quantity.parse("1e30"), 2)).isEqualTo(2_000_000_000L);
    }

    @Test
    void anImageWithoutTagOrDigestIsPulledAsLatest() {
        assertThat(DockerContainerRuntime.withDefaultTag("busybox")).isEqualTo("busybox:latest");
        assertThat(DockerContainerRuntime.withDefaultTag("registry:5000/team/app")).isEqualTo("registry:5000/team/app:latest");
        assertThat(DockerContainerRuntime.withDefaultTag("registry:5000/team/app:2")).isEqualTo("registry:5000/team/app:2");
        assertThat(DockerContainerRuntime.withDefaultTag("app@sha256:abc")).isEqualTo("app@sha256:abc");
    }
}
