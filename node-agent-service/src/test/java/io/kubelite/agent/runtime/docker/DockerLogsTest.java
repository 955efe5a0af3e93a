package io.kubelite.agent.runtime.docker;

import static io.kubelite.agent.runtime.docker.DockerTestEngine.awaitExit;
import static io.kubelite.agent.runtime.docker.DockerTestEngine.pod;
import static io.kubelite.agent.runtime.docker.DockerTestEngine.shell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.agent.runtime.LogOptions;
import io.kubelite.agent.runtime.RuntimeContainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DockerLogsTest {

    private final String node = DockerTestEngine.uniqueNode("logs-test");
    private final DockerContainerRuntime runtime = DockerTestEngine.runtime();

    @AfterEach
    void removeContainers() {
        DockerTestEngine.removeAll(node);
    }

    @Test
    void returnsStdoutAndStderrAsTheyInterleave() throws Exception {
        RuntimeContainer started = runtime.start(pod(node, "both"),
                shell("c", "echo out-1; sleep 0.1; echo err-1 >&2; sleep 0.1; echo out-2"), 0);
        awaitExit(node, started.id());

        assertThat(logs(started.id(), new LogOptions(null, false))).isEqualTo("out-1\nerr-1\nout-2\n");
    }

    @Test
    void tailReturnsTheLastLinesOnly() throws Exception {
        RuntimeContainer started = runtime.start(pod(node, "counter"), shell("c", "seq 1 10"), 0);
        awaitExit(node, started.id());

        assertThat(logs(started.id(), new LogOptions(3, false))).isEqualTo("8\n9\n10\n");
        assertThat(logs(started.id(), new LogOptions(0, false))).isEmpty();
    }

    @Test
    void followWritesOutputAsItComesUntilTheContainerEnds() throws Exception {
        RuntimeContainer started = runtime.start(pod(node, "slow"),
                shell("c", "echo first; sleep 1; echo last"), 0);
        TimedOutput out = new TimedOutput();

        runtime.logs(started.id(), new LogOptions(null, true), out);
        long returned = System.nanoTime();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("first\nlast\n");
        assertThat((returned - out.firstWrite) / 1_000_000).as("ms between the first line and the end")
                .isGreaterThan(500);
    }

    @Test
    void followStopsWhenTheReaderGoesAway() throws Exception {
        RuntimeContainer started = runtime.start(pod(node, "chatty"),
                shell("c", "while true; do echo line; sleep 0.05; done"), 0);
        OutputStream closedAfterFirstWrite = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("reader went away");
            }
        };

        assertThatThrownBy(() -> runtime.logs(started.id(), new LogOptions(null, true), closedAfterFirstWrite))
                .isInstanceOf(IOException.class)
                .hasMessage("reader went away");
    }

    @Test
    void logsOfAMissingContainerFailWithTheEngineMessage() {
        assertThatThrownBy(() -> logs("no-such-container-" + node, new LogOptions(null, false)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("No such container");
    }

    private String logs(String id, LogOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runtime.logs(id, options, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Remembers when the first bytes arrived. */
    private static final class TimedOutput extends ByteArrayOutputStream {
        private volatile long firstWrite;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (firstWrite == 0) {
                firstWrite = System.nanoTime();
            }
            super.write(b, off, len);
        }
    }
}
