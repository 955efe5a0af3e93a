package io.kubelite.apiserver.support;

import io.kubelite.model.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Reads the newline-delimited events of a watch response on a background thread, so that a test can
 * wait for the next event with a timeout.
 */
public final class WatchReader implements AutoCloseable {

    private static final JsonNode END = Json.MAPPER.createObjectNode().put("type", "END-OF-STREAM");

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    WatchReader(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::readLines, "test-watch-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public int code() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private void readLines() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    events.add(Json.MAPPER.readTree(line));
                }
            }
        } catch (IOException e) {
            // closed by the test, or by the server: the stream ends either way
        } finally {
            events.add(END);
        }
    }

    /** The next event; fails when none arrives within the timeout or the stream ended. */
    public JsonNode next(Duration timeout) {
        JsonNode event = poll(timeout);
        if (event == null) {
            throw new AssertionError("no watch event within " + timeout);
        }
        if (event == END) {
            throw new AssertionError("the watch stream ended");
        }
        return event;
    }

    /** The next event that is not a BOOKMARK. */
    public JsonNode nextChange(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (!event.path("type").asString().equals("BOOKMARK")) {
                return event;
            }
        }
    }

    /** Waits for the end of the stream, returning the events that came before it. */
    public List<JsonNode> awaitEnd(Duration timeout) {
        List<JsonNode> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode event = poll(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event == null) {
                throw new AssertionError("the watch stream did not end within " + timeout + "; saw " + seen);
            }
            if (event == END) {
                return seen;
            }
            seen.add(event);
        }
    }

    private JsonNode poll(Duration timeout) {
        try {
            return events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
    }
}
