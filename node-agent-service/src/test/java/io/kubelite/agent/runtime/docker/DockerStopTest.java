package io.kubelite.agent.runtime.docker;

import static io.kubelite.agent.runtime.docker.DockerTestEngine.awaitExit;
import static io.kubelite.agent.runtime.docker.DockerTestEngine.pod;
import static io.kubelite.agent.runtime.docker.DockerTestEngine.shell;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.agent.runtime.LogOptions;
import io.kubelite.agent.runtime.RuntimeContainer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DockerStopTest {

    private final String node = DockerTestEngine.uniqueNode("stop-test");
    private final DockerContainerRuntime runtime = DockerTestEngine.runtime();

    @AfterEach
    void removeContainers() {
        DockerTestEngine.removeAll(node);
    }

    @Test
    void aContainerThatHandlesTermEndsAsSoonAsItIsAsked() throws Exception {
        RuntimeContainer started = startAndAwaitReady("trap 'echo bye; exit 0' TERM; echo ready; sleep 600 & wait");

        long elapsed = timeStop(started.id(), Duration.ofSeconds(10));

        assertThat(elapsed).isLessThan(2_000);
        RuntimeContainer ended = awaitExit(node, started.id());
        assertThat(ended.exitCode()).isZero();
        assertThat(ended.reason()).isEqualTo("Completed");
    }

    @Test
    void aContainerThatIgnoresTermIsKilledAfterTheGracePeriod() throws Exception {
        RuntimeContainer started = startAndAwaitReady("trap '' TERM; echo ready; sleep 600 & wait");

        long elapsed = timeStop(started.id(), Duration.ofSeconds(2));

        assertThat(elapsed).isBetween(2_000L, 5_000L);
        RuntimeContainer ended = awaitExit(node, started.id());
        assertThat(ended.exitCode()).isEqualTo(137);
        assertThat(ended.reason()).isEqualTo("Error");
    }

    @Test
    void stoppingAnEndedOrRemovedContainerIsFine() throws Exception {
        RuntimeContainer started = runtime.start(pod(node, "done"), shell("c", "exit 0"), 0);
        awaitExit(node, started.id());

        runtime.stop(started.id(), Duration.ofSeconds(1));
        runtime.remove(started.id());
        runtime.stop(started.id(), Duration.ofSeconds(1));
    }

    private RuntimeContainer startAndAwaitReady(String script) throws Exception {
        RuntimeContainer started = runtime.start(pod(node, "stoppable"), shell("c", script), 0);
        // The trap must be in place before the signal comes.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!logs(started.id()).contains("ready")) {
            assertThat(System.nanoTime()).as("container printed ready").isLessThan(deadline);
            Thread.sleep(20);
        }
        return started;
    }

    private long timeStop(String id, Duration grace) {
        long start = System.nanoTime();
        runtime.stop(id, grace);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("stop with a grace period of %s took %d ms%n", grace, elapsedMillis);
        return elapsedMillis;
    }

    private String logs(String id) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runtime.logs(id, new LogOptions(null, false), out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
