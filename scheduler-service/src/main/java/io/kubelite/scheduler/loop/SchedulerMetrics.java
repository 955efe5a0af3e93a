package io.kubelite.scheduler.loop;

import io.kubelite.scheduler.cache.ClusterCache;
import io.kubelite.store.leader.LeaderElector;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The scheduler's meters (Prometheus names in brackets):
 * pods scheduled by result [kubelite_scheduler_pods_scheduled_total{result}], time from a pod being seen pending
 * to bound [kubelite_scheduler_scheduling_latency_seconds], pending pods [kubelite_scheduler_pending_pods],
 * algorithm time per round [kubelite_scheduler_algorithm_duration_seconds{algorithm}], and whether this instance
 * leads [kubelite_scheduler_leader].
 */
public final class SchedulerMetrics {

    private final Counter scheduled;
    private final Counter unschedulable;
    private final Counter conflict;
    private final Counter error;
    private final Timer latency;
    private final Timer algorithmTime;

    public SchedulerMetrics(MeterRegistry registry, String algorithm, ClusterCache cache, LeaderElector elector) {
        scheduled = result(registry, "scheduled");
        unschedulable = result(registry, "unschedulable");
        conflict = result(registry, "conflict");
        error = result(registry, "error");
        latency = Timer.builder("kubelite.scheduler.scheduling.latency")
                .description("Time from a pod being seen pending to its bind")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
        algorithmTime = Timer.builder("kubelite.scheduler.algorithm.duration")
                .description("Time the placement algorithm took per round")
                .tag("algorithm", algorithm)
                .publishPercentileHistogram()
                .register(registry);
        Gauge.builder("kubelite.scheduler.pending.pods", cache, ClusterCache::pendingCount)
                .description("Pods waiting for a node").register(registry);
        Gauge.builder("kubelite.scheduler.leader", elector, e -> e.isLeader() ? 1 : 0)
                .description("1 when this instance schedules, 0 when it stands by").register(registry);
    }

    private static Counter result(MeterRegistry registry, String result) {
        return Counter.builder("kubelite.scheduler.pods.scheduled").tag("result", result)
                .description("Scheduling attempts by result").register(registry);
    }

    void bound(long enqueuedNanos, long nowNanos) {
        scheduled.increment();
        latency.record(Duration.ofNanos(nowNanos - enqueuedNanos));
    }

    void unschedulable(int count) {
        unschedulable.increment(count);
    }

    void conflict() {
        conflict.increment();
    }

    void error() {
        error.increment();
    }

    void algorithmTime(long nanos) {
        algorithmTime.record(Duration.ofNanos(nanos));
    }
}
