package io.kubelite.benchmarks.api;

import java.util.Arrays;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * How the watch kept up with the creates. Delivery latency is the ADDED event's arrival minus the arrival of
 * the create's 201; an event that came in before its own 201 is counted apart, not as a latency.
 *
 * @param expected     pods created (201)
 * @param seen         of those, pods whose ADDED event arrived
 * @param beforeAck    events that arrived before the create's response did
 * @param duplicates   ADDED events for a pod already seen
 * @param latency      delivery latency of the events that arrived after their 201
 * @param eventsByType every event the stream carried, by type
 * @param endReason    why the stream stopped
 */
record WatchDelivery(int expected, int seen, int beforeAck, int duplicates, LatencySummary latency,
                     Map<String, Integer> eventsByType, String endReason) {

    static WatchDelivery of(CreateRun run, IntFunction<String> podName, Map<String, Long> addedArrivals,
                            int duplicates, Map<String, Integer> eventsByType, String endReason) {
        long[] delays = new long[run.size()];
        int delayCount = 0;
        int expected = 0;
        int seen = 0;
        int beforeAck = 0;
        for (int pod = 0; pod < run.size(); pod++) {
            if (!run.created(pod)) {
                continue;
            }
            expected++;
            Long arrival = addedArrivals.get(podName.apply(pod));
            if (arrival == null) {
                continue;
            }
            seen++;
            long delay = arrival - run.ackNanos()[pod];
            if (delay >= 0) {
                delays[delayCount++] = delay;
            } else {
                beforeAck++;
            }
        }
        return new WatchDelivery(expected, seen, beforeAck, duplicates,
                LatencySummary.ofNanos(Arrays.copyOf(delays, delayCount)), eventsByType, endReason);
    }

    boolean complete() {
        return seen == expected;
    }
}
