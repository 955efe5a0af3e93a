package io.kubelite.benchmarks.startup;

import io.kubelite.benchmarks.api.WatchEventSubscriber;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Follows a pod watch stream and remembers when each pod was first seen Running, and which pods failed and why. */
final class RunningRecorder extends WatchEventSubscriber {

    private final Map<String, Long> runningArrivals = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();

    @Override
    protected void onEvent(String type, JsonNode pod, long arrivalNanos) {
        String name = pod.path("metadata").path("name").asString("");
        String phase = pod.path("status").path("phase").asString("");
        if ("Running".equals(phase)) {
            runningArrivals.putIfAbsent(name, arrivalNanos);
        } else if ("Failed".equals(phase)) {
            failures.putIfAbsent(name, pod.path("status").path("reason").asString("")
                    + " " + pod.path("status").path("message").asString(""));
        }
    }

    synchronized boolean awaitSubscribed(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!subscribed() && endReason() == null && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return subscribed();
    }

    /** Waits until {@code expected} pods ran or failed, the stream ended, or the limit passed. */
    synchronized boolean awaitSettled(int expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (runningArrivals.size() + failures.size() < expected && endReason() == null) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return false;
            }
            wait(remainingMillis);
        }
        return runningArrivals.size() + failures.size() >= expected;
    }

    synchronized Map<String, Long> runningArrivals() {
        return Map.copyOf(runningArrivals);
    }

    synchronized Map<String, String> failures() {
        return Map.copyOf(failures);
    }
}
