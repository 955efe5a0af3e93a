package io.kubelite.benchmarks.api;

import java.util.List;

/** One target of the benchmark and whether the run met it. */
record GoalCheck(String goal, String measured, boolean met) {

    static final double CREATES_PER_SECOND = 1000;
    static final double CREATE_P99_MS = 50;
    static final double WATCH_P99_MS = 50;
    static final double KUBERNETES_MUTATING_P99_MS = 1000;

    static List<GoalCheck> of(CreatePhase creates, WatchDelivery watch) {
        Double steady = creates.steadyCreatesPerSecond() != null
                ? creates.steadyCreatesPerSecond() : creates.createsPerSecond();
        double rate = steady == null ? 0 : steady;
        boolean allCreated = creates.created() == creates.requested();
        return List.of(
                new GoalCheck(">= %.0f pod creates/s sustained, all created".formatted(CREATES_PER_SECOND),
                        "%.0f/s, %d of %d created".formatted(rate, creates.created(), creates.requested()),
                        rate >= CREATES_PER_SECOND && allCreated),
                new GoalCheck("create p99 <= %.0f ms".formatted(CREATE_P99_MS),
                        "%.1f ms".formatted(creates.latency().p99Ms()), creates.latency().p99Ms() <= CREATE_P99_MS),
                new GoalCheck("watch delivery p99 <= %.0f ms, every event seen".formatted(WATCH_P99_MS),
                        "%.1f ms, %d of %d seen".formatted(watch.latency().p99Ms(), watch.seen(), watch.expected()),
                        watch.latency().p99Ms() <= WATCH_P99_MS && watch.complete()),
                new GoalCheck("Kubernetes SLO: mutating call p99 <= %.0f ms".formatted(KUBERNETES_MUTATING_P99_MS),
                        "%.1f ms".formatted(creates.latency().p99Ms()),
                        creates.latency().p99Ms() <= KUBERNETES_MUTATING_P99_MS));
    }
}
