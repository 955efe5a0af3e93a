package io.kubelite.benchmarks.startup;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Flow;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows a pod watch stream and remembers when each pod was first seen Running ({@link System#nanoTime()},
 * taken before the line is parsed), and which pods failed and why.
 */
final class RunningRecorder implements Flow.Subscriber<String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Long> runningArrivals = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();
    private String endReason;
    private Flow.Subscription subscription;

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
            return;
        }
        JsonNode pod = event.path("object");
        String name = pod.path("metadata").path("name").asString("");
        String phase = pod.path("status").path("phase").asString("");
        synchronized (this) {
            if ("Running".equals(phase)) {
                runningArrivals.putIfAbsent(name, arrival);
            } else if ("Failed".equals(phase)) {
                failures.putIfAbsent(name, pod.path("status").path("reason").asString("")
                        + " " + pod.path("status").path("message").asString(""));
            }
            if ("ERROR".equals(event.path("type").asString("")) && endReason == null) {
                endReason = "ERROR event: " + pod.path("message").asString("");
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

    synchronized boolean awaitSubscribed(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (subscription == null && endReason == null && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return subscription != null;
    }

    /** Waits until {@code expected} pods ran or failed, the stream ended, or the limit passed. */
    synchronized boolean awaitSettled(int expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (runningArrivals.size() + failures.size() < expected && endReason == null) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return false;
            }
            wait(remainingMillis);
        }
        return runningArrivals.size() + failures.size() >= expected;
    }

    synchronized void cancel() {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    synchronized Map<String, Long> runningArrivals() {
        return Map.copyOf(runningArrivals);
    }

    synchronized Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    synchronized String endReason() {
        return endReason;
    }
}
