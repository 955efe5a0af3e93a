package io.kubelite.agent.runtime.docker;

import static io.kubelite.agent.runtime.docker.DockerTestEngine.IMAGE;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.agent.runtime.ImagePullException;
import org.junit.jupiter.api.Test;

/** No registry is reachable from the test machines: only local images can be had. */
class DockerImagePullTest {

    private static final String MISSING = "kubelite/does-not-exist:1";

    private final DockerContainerRuntime runtime = DockerTestEngine.runtime();

    @Test
    void aLocalImageNeedsNoPullWhenPresentIsEnough() {
        assertThatCode(() -> runtime.pullImage(IMAGE, "Never")).doesNotThrowAnyException();
        assertThatCode(() -> runtime.pullImage(IMAGE, "IfNotPresent")).doesNotThrowAnyException();
    }

    @Test
    void aMissingImageWithPolicyNeverFailsWithTheEngineMessage() {
        assertThatThrownBy(() -> runtime.pullImage(MISSING, "Never"))
                .isInstanceOf(ImagePullException.class)
                .hasMessageStartingWith("Container image \"" + MISSING + "\" is not present with pull policy of Never: ")
                .hasMessageContaining("No such image: " + MISSING);
    }

    @Test
    void aMissingImageThatCannotBePulledFailsWithTheEngineMessage() {
        assertThatThrownBy(() -> runtime.pullImage(MISSING, "IfNotPresent"))
                .isInstanceOf(ImagePullException.class)
                .hasMessageNotContaining("Status 500")
                .hasMessageContaining("registry");
    }

    @Test
    void anUnknownPolicyIsRefused() {
        assertThatThrownBy(() -> runtime.pullImage(IMAGE, "Sometimes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Sometimes");
    }
}
