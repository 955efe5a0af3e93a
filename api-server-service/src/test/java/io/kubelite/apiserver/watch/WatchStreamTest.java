package io.kubelite.apiserver.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.store.WatchEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a stream ends when things go wrong after it started. The store calls the listener exactly as
 * its dispatch thread would; the stream is written into memory.
 */
class WatchStreamTest {

    private static WatchStream stream(int queueCapacity, Duration timeout, List<ObjectNode> initial) {
        return new WatchStream(ResourceKind.POD, initial, 10, true, timeout, queueCapacity,
                Duration.ofMillis(100), Duration.ofSeconds(30));
    }

    private static ObjectNode pod(String name, long version) {
        ObjectNode pod = Json.MAPPER.createObjectNode();
        pod.putObject("metadata").put("name", name).put("resourceVersion", Long.toString(version));
        return pod;
    }

    private static List<JsonNode> lines(ByteArrayOutputStream out) {
        return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(line -> !line.isBlank())
                .map(Json.MAPPER::readTree)
                .toList();
    }

    @Test
    void anErrorAfterTheStreamStartedIsSentAsAnErrorEventAfterTheQueuedEvents() throws IOException {
        WatchStream stream = stream(10, Duration.ofSeconds(5), List.of(pod("listed", 5)));
        stream.onEvent(new WatchEvent(WatchEvent.MODIFIED, pod("a", 11), 11));
        stream.onError(StatusException.gone(11, 20));
        stream.onEvent(new WatchEvent(WatchEvent.MODIFIED, pod("after-error", 21), 21));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        stream.writeTo(out);

        List<JsonNode> events = lines(out);
        assertThat(events).extracting(e -> e.path("type").asString()).containsExactly("ADDED", "MODIFIED", "ERROR");
        JsonNode status = events.get(2).path("object");
        assertThat(status.path("kind").asString()).isEqualTo("Status");
        assertThat(status.path("code").asInt()).isEqualTo(410);
        assertThat(status.path("reason").asString()).isEqualTo("Expired");
        assertThat(events.get(0).path("object").path("kind").asString()).isEqualTo("Pod");
        assertThat(events.get(0).path("object").path("apiVersion").asString()).isEqualTo("v1");
    }

    @Test
    void aWatcherThatFallsTooFarBehindIsEndedWithGoneRatherThanBlockingTheStore() throws IOException {
        WatchStream stream = stream(3, Duration.ofSeconds(5), List.of());
        for (int revision = 11; revision <= 20; revision++) {
            stream.onEvent(new WatchEvent(WatchEvent.ADDED, pod("p" + revision, revision), revision));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        stream.writeTo(out);

        List<JsonNode> events = lines(out);
        assertThat(events).extracting(e -> e.path("type").asString()).containsExactly("ADDED", "ADDED", "ADDED", "ERROR");
        assertThat(events.get(3).path("object").path("code").asInt()).isEqualTo(410);
    }

    @Test
    void aBookmarkNeverOvertakesAnEventThatCameBeforeIt() throws IOException {
        WatchStream stream = stream(10, Duration.ofMillis(400), List.of());
        stream.onEvent(new WatchEvent(WatchEvent.ADDED, pod("a", 11), 11));
        stream.onProgress(15);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        stream.writeTo(out);

        List<JsonNode> events = lines(out);
        assertThat(events).extracting(e -> e.path("type").asString()).containsExactly("ADDED", "BOOKMARK");
        assertThat(events.get(1).path("object").path("metadata").path("resourceVersion").asString()).isEqualTo("15");
    }

    @Test
    void stoppingEndsTheStreamAtOnceWithoutAnError() throws IOException {
        WatchStream stream = stream(10, Duration.ofMinutes(5), List.of());
        stream.stop();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();

        stream.writeTo(out);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(lines(out)).isEmpty();
    }

    @Test
    void aQuietStreamProbesTheConnectionAndEndsAtTheFirstProbeTheClientRefuses() {
        WatchStream stream = new WatchStream(ResourceKind.POD, List.of(), 10, false, Duration.ofMinutes(5), 10,
                Duration.ofSeconds(1), Duration.ofMillis(50));
        ClientThatLeaves client = new ClientThatLeaves(3);
        long start = System.nanoTime();

        assertThatThrownBy(() -> stream.writeTo(client)).isInstanceOf(IOException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(client.received.toString(StandardCharsets.UTF_8)).isEqualTo("\n\n\n");
    }

    /** Takes a number of writes, then refuses every further one as a closed connection does. */
    private static final class ClientThatLeaves extends OutputStream {

        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private int writesLeft;

        ClientThatLeaves(int writes) {
            this.writesLeft = writes;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (writesLeft-- <= 0) {
                throw new IOException("Broken pipe");
            }
            received.write(bytes, offset, length);
        }
    }
}
