package io.kubelite.benchmarks.api;

import java.util.Map;

/**
 * The figures of one create phase.
 *
 * @param createsPerSecond       successful creates per second over the whole phase
 * @param steadyCreatesPerSecond the same, leaving out the first second; null when the phase was shorter
 * @param latency                latency of the successful creates
 * @param errorsByCode           failed creates by HTTP status, or "transport" when no response came back
 */
record CreatePhase(int requested, int attempted, int created, double durationSeconds, Double createsPerSecond,
                   Double steadyCreatesPerSecond, LatencySummary latency, Map<String, Integer> errorsByCode) {

    static CreatePhase of(CreateRun run) {
        return new CreatePhase(run.size(), run.attemptedCount(), run.createdCount(), run.durationSeconds(),
                run.createsPerSecond(), run.steadyCreatesPerSecond(), LatencySummary.ofNanos(run.createdLatencies()),
                run.errorsByCode());
    }
}
