package io.kubelite.benchmarks.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw record of one create phase: per pod, the HTTP status, the latency and the moment the response
 * arrived, all on the {@link System#nanoTime()} clock.
 *
 * @param startNanos   when the first create was issued
 * @param statusCodes  per pod: the HTTP status, {@link #TRANSPORT_ERROR}, or {@link #NOT_ATTEMPTED}
 * @param latencyNanos per pod: request sent to response received
 * @param ackNanos     per pod: when the response arrived
 */
record CreateRun(long startNanos, int[] statusCodes, long[] latencyNanos, long[] ackNanos) {

    static final int NOT_ATTEMPTED = 0;
    static final int TRANSPORT_ERROR = -1;
    static final int CREATED = 201;

    private static final long SECOND = 1_000_000_000L;

    int size() {
        return statusCodes.length;
    }

    boolean created(int pod) {
        return statusCodes[pod] == CREATED;
    }

    int createdCount() {
        int count = 0;
        for (int pod = 0; pod < size(); pod++) {
            if (created(pod)) {
                count++;
            }
        }
        return count;
    }

    int attemptedCount() {
        int count = 0;
        for (int status : statusCodes) {
            if (status != NOT_ATTEMPTED) {
                count++;
            }
        }
        return count;
    }

    /** Latencies of the successful creates. */
    long[] createdLatencies() {
        List<Long> latencies = new ArrayList<>();
        for (int pod = 0; pod < size(); pod++) {
            if (created(pod)) {
                latencies.add(latencyNanos[pod]);
            }
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    /** Failed creates by HTTP status ("409", "500", ...) or "transport" when no response came back. */
    Map<String, Integer> errorsByCode() {
        Map<String, Integer> errors = new TreeMap<>();
        for (int status : statusCodes) {
            if (status != CREATED && status != NOT_ATTEMPTED) {
                errors.merge(status == TRANSPORT_ERROR ? "transport" : Integer.toString(status), 1, Integer::sum);
            }
        }
        return errors;
    }

    /** Successful creates per second, from the first request to the last acknowledged create. */
    Double createsPerSecond() {
        return rateAfter(startNanos);
    }

    /** Successful creates per second counting only acknowledgements after the first second (JIT, pools warming). */
    Double steadyCreatesPerSecond() {
        return rateAfter(startNanos + SECOND);
    }

    /** Seconds from the first request to the last acknowledged create. */
    double durationSeconds() {
        long last = lastCreatedAck();
        return last == 0 ? 0 : (last - startNanos) / (double) SECOND;
    }

    private Double rateAfter(long fromNanos) {
        long last = lastCreatedAck();
        if (last <= fromNanos) {
            return null;
        }
        int count = 0;
        for (int pod = 0; pod < size(); pod++) {
            if (created(pod) && ackNanos[pod] > fromNanos) {
                count++;
            }
        }
        return count / ((last - fromNanos) / (double) SECOND);
    }

    private long lastCreatedAck() {
        long last = 0;
        for (int pod = 0; pod < size(); pod++) {
            if (created(pod)) {
                last = Math.max(last, ackNanos[pod]);
            }
        }
        return last;
    }
}
