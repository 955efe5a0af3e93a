package io.kubelite.benchmarks.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Flow;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows a watch stream of newline-delimited events and remembers when each object's ADDED event arrived
 * ({@link System#nanoTime()}), taken before the line is parsed so parsing cost does not count as delay.
 */
final class WatchRecorder implements Flow.Subscriber<String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Long> addedArrivals = new HashMap<>();
    private final Map<String, Integer> eventsByType = new TreeMap<>();
    private int duplicateAdds;
    private String endReason;
    private Flow.Subscription subscription;

    @Override
    public synchronized void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
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
                eventsByType.merge("unparseable", 1, Integer::sum);
            }
            return;
        }
        String type = event.path("type").asString("");
        String name = event.path("object").path("metadata").path("name").asString("");
        synchronized (this) {
            eventsByType.merge(type, 1, Integer::sum);
            if ("ADDED".equals(type) && addedArrivals.putIfAbsent(name, arrival) != null) {
                duplicateAdds++;
            }
            if ("ERROR".equals(type) && endReason == null) {
                endReason = "ERROR event: " + event.path("object").path("message").asString("");
            }
            notifyAll();
        }
    }

    @Override
    public synchronized void onError(Throwable error) {
        if (endReason == null) {
            endReason = "stream failed: " + error;
        }
        notifyAll();
    }

    @Override
    public synchronized void onComplete() {
        if (endReason == null) {
            endReason = "server closed the stream";
        }
        notifyAll();
    }

    /** Waits until {@code expected} distinct objects were ADDED, the stream ended, or the limit passed. */
    synchronized boolean awaitAdded(int expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (addedArrivals.size() < expected && endReason == null) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return false;
            }
            wait(remainingMillis);
        }
        return addedArrivals.size() >= expected;
    }

    /** Stops the stream; the HTTP client then closes the connection. */
    synchronized void cancel() {
        if (subscription != null) {
            subscription.cancel();
        }
        if (endReason == null) {
            endReason = "cancelled by the benchmark";
        }
    }

    synchronized boolean subscribed() {
        return subscription != null;
    }

    synchronized Map<String, Long> addedArrivals() {
        return Map.copyOf(addedArrivals);
    }

    synchronized Map<String, Integer> eventsByType() {
        return new TreeMap<>(eventsByType);
    }

    synchronized int duplicateAdds() {
        return duplicateAdds;
    }

    synchronized String endReason() {
        return endReason;
    }
}
