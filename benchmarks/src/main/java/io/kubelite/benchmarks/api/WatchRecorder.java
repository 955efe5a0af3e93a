package io.kubelite.benchmarks.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/** Follows a watch stream and remembers when each object's ADDED event arrived, and how many events of each type. */
final class WatchRecorder extends WatchEventSubscriber {

    private final Map<String, Long> addedArrivals = new HashMap<>();
    private final Map<String, Integer> eventsByType = new TreeMap<>();
    private int duplicateAdds;

    @Override
    protected void onEvent(String type, JsonNode object, long arrivalNanos) {
        eventsByType.merge(type, 1, Integer::sum);
        String name = object.path("metadata").path("name").asString("");
        if ("ADDED".equals(type) && addedArrivals.putIfAbsent(name, arrivalNanos) != null) {
            duplicateAdds++;
        }
    }

    @Override
    protected void onUnparseable() {
        eventsByType.merge("unparseable", 1, Integer::sum);
    }

    /** Waits until {@code expected} distinct objects were ADDED, the stream ended, or the limit passed. */
    synchronized boolean awaitAdded(int expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (addedArrivals.size() < expected && endReason() == null) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return false;
            }
            wait(remainingMillis);
        }
        return addedArrivals.size() >= expected;
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
}
