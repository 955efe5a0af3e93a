package io.kubelite.benchmarks.api;

import java.util.concurrent.Flow;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows a watch stream of newline-delimited events, handing each parsed event to {@link #onEvent} with the
 * {@link System#nanoTime()} its line arrived at (taken before parsing, so parsing cost does not count as delay),
 * and remembers why the stream ended. Subclasses keep what they measure under this object's lock, which
 * {@code onEvent} holds, and may {@code wait} on it: every event and the end notify it.
 */
public abstract class WatchEventSubscriber implements Flow.Subscriber<String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String endReason;
    private Flow.Subscription subscription;

    /** Called with this object's lock held. */
    protected abstract void onEvent(String type, JsonNode object, long arrivalNanos);

    /** Called with this object's lock held, for a line that is not JSON. */
    protected void onUnparseable() {
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
        notifyAll();
    }

    @Override
    public void onNext(String line) {
        long arrival = System.nanoTime();
        if (line.isBlank()) {
            return;
        }
        JsonNode event;
        try {
            event = JSON.readTree(line);
        } catch (JacksonException e) {
            synchronized (this) {
                onUnparseable();
            }
            return;
        }
        String type = event.path("type").asString("");
        synchronized (this) {
            onEvent(type, event.path("object"), arrival);
            if ("ERROR".equals(type) && endReason == null) {
                endReason = "ERROR event: " + event.path("object").path("message").asString("");
            }
            notifyAll();
        }
    }

    @Override
    public synchronized void onError(Throwable error) {
        end("stream failed: " + error);
    }

    @Override
    public synchronized void onComplete() {
        end("server closed the stream");
    }

    /** Stops the stream; the HTTP client then closes the connection. */
    public synchronized void cancel() {
        if (subscription != null) {
            subscription.cancel();
        }
        end("cancelled by the benchmark");
    }

    public synchronized boolean subscribed() {
        return subscription != null;
    }

    /** Why the stream ended, or null while it runs. */
    public synchronized String endReason() {
        return endReason;
    }

    private void end(String reason) {
        if (endReason == null) {
            endReason = reason;
        }
        notifyAll();
    }
}
