package io.kubelite.scheduler.loop;

import io.kubelite.scheduler.algorithm.PlacementAlgorithm;
import io.kubelite.scheduler.algorithm.PlacementResult;
import io.kubelite.scheduler.binding.BindOutcome;
import io.kubelite.scheduler.binding.Binder;
import io.kubelite.scheduler.binding.FailureReporter;
import io.kubelite.scheduler.cache.ClusterCache;
import io.kubelite.scheduler.cache.ClusterInformer;
import io.kubelite.scheduler.cache.PendingPod;
import io.kubelite.scheduler.cache.ReportedFailure;
import io.kubelite.scheduler.cache.SchedulingRound;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.store.leader.LeaderElector;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that schedules. Each round takes the pending pods and a snapshot from the cache, runs the
 * algorithm, binds what it placed and reports what fits nowhere. It wakes when the cache has work (watch events)
 * or after the poll interval, and only schedules while this instance is the leader; a follower keeps its cache
 * warm so that it can take over at once.
 */
public final class SchedulingLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchedulingLoop.class);

    private final ClusterCache cache;
    private final ClusterInformer informer;
    private final PlacementAlgorithm algorithm;
    private final Binder binder;
    private final FailureReporter reporter;
    private final LeaderElector elector;
    private final SchedulerMetrics metrics;
    private final Duration pollInterval;
    private final int batchSize;
    private final Thread thread;
    private volatile boolean running = true;

    public SchedulingLoop(ClusterCache cache, ClusterInformer informer, PlacementAlgorithm algorithm, Binder binder,
                          FailureReporter reporter, LeaderElector elector, SchedulerMetrics metrics,
                          Duration pollInterval, int batchSize) {
        this.cache = cache;
        this.informer = informer;
        this.algorithm = algorithm;
        this.binder = binder;
        this.reporter = reporter;
        this.elector = elector;
        this.metrics = metrics;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.thread = new Thread(this::run, "scheduler");
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            boolean moreWork = false;
            try {
                informer.syncIfNeeded();
                if (elector.isLeader()) {
                    moreWork = scheduleOneRound();
                }
            } catch (RuntimeException e) {
                log.error("Scheduling round failed, retrying in {} ms: {}", pollInterval.toMillis(), e.toString());
            }
            if (!moreWork) {
                try {
                    cache.awaitWork(pollInterval);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One round; true when pods are left that the next round should take without waiting. */
    boolean scheduleOneRound() {
        SchedulingRound round = cache.nextRound(batchSize);
        if (round.pods().isEmpty()) {
            return false;
        }
        long start = System.nanoTime();
        Map<String, PendingPod> byUid = new HashMap<>();
        round.pods().forEach(p -> byUid.put(p.info().uid(), p));
        List<PodInfo> infos = round.pods().stream().map(PendingPod::info).toList();
        PlacementResult result = algorithm.place(infos, round.snapshot());
        long placed = System.nanoTime();
        metrics.algorithmTime(placed - start);

        Map<PendingPod, String> placements = new LinkedHashMap<>();
        result.placements().forEach(p -> placements.put(byUid.get(p.pod().uid()), p.nodeName()));
        int bound = 0;
        int conflicts = 0;
        int failed = 0;
        for (BindOutcome outcome : binder.bindAll(placements)) {
            switch (outcome.result()) {
                case BOUND -> {
                    cache.assume(outcome.latest());
                    metrics.bound(outcome.pod().enqueuedNanos(), System.nanoTime());
                    bound++;
                }
                case CONFLICT, GONE -> {
                    cache.refresh(outcome.pod().info().uid(), outcome.latest());
                    metrics.conflict();
                    conflicts++;
                }
                case FAILED -> {
                    log.warn("Binding pod {} to {} failed: {}", outcome.pod().info().key(), outcome.nodeName(),
                            outcome.error());
                    metrics.error();
                    failed++;
                }
            }
        }

        Map<PendingPod, String> messages = new LinkedHashMap<>();
        result.unplaced().forEach(u -> messages.put(byUid.get(u.pod().uid()), u.error().message()));
        Map<PendingPod, ReportedFailure> reported = reporter.reportAll(messages);
        reported.forEach((pod, failure) -> cache.park(pod, failure, round.changesSeen()));
        metrics.unschedulable(messages.size());

        log.info("Bound {} pods in {} ms ({} ms placing with {} on {} nodes{}), {} unschedulable{}{}", bound,
                (System.nanoTime() - start) / 1_000_000, (placed - start) / 1_000_000, algorithm.name(),
                round.snapshot().nodes().size(), result.quality().isEmpty() ? "" : ", " + result.quality(),
                messages.size(),
                conflicts > 0 ? ", " + conflicts + " changed meanwhile and wait for the next round" : "",
                failed > 0 ? ", " + failed + " failed to bind" : "");
        return failed == 0 && (round.morePending() || conflicts > 0);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
