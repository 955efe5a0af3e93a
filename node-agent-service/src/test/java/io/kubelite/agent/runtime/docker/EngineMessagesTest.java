package io.kubelite.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.Test;

class EngineMessagesTest {

    @Test
    void takesTheMessageOutOfTheEnginesJsonBody() {
        NotFoundException failure = new NotFoundException("{\"message\":\"No such image: \\\"x\\\"\"}\n");

        assertThat(EngineMessages.of(failure)).isEqualTo("No such image: \"x\"");
    }

    @Test
    void keepsAPlainMessageAsItIs() {
        assertThat(EngineMessages.of(new IllegalStateException("Could not pull image: denied\n")))
                .isEqualTo("Could not pull image: denied");
    }
}
