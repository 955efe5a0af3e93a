package io.kubelite.agent.pod;

import io.kubelite.agent.AgentProperties;
import io.kubelite.agent.metrics.AgentMetrics;
import io.kubelite.model.core.Pod;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs pod syncs on a small pool, never two of one pod at once, like the kubelet's pod workers: a pod asked for
 * while its sync runs is synced once more right after, however often it was asked. A sync returns when to look at
 * the pod again (a back-off ending), or null; a sync that throws is retried after an exponential back-off.
 */
public final class PodWorkers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PodWorkers.class);

    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final PodCache cache;
    private final AgentProperties.RestartBackOff backOff;
    private final AgentMetrics metrics;
    private final Set<String> queued = new HashSet<>();
    private final Set<String> running = new HashSet<>();
    private final Set<String> again = new HashSet<>();
    private final Map<String, Long> dueAt = new HashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private Function<String, Duration> sync;
    private boolean closed;

    public PodWorkers(int threads, PodCache cache, AgentProperties.RestartBackOff backOff, AgentMetrics metrics) {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task -> daemon(task, "pod-worker-" + count.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "pod-requeue"));
        this.cache = cache;
        this.backOff = backOff;
        this.metrics = metrics;
    }

    /** Starts taking work: {@code sync} reconciles the pod with this uid and says when to look again. */
    public synchronized void start(Function<String, Duration> podSync) {
        this.sync = podSync;
        for (String uid : queued) {
            pool.execute(() -> run(uid));
        }
    }

    /** Syncs the pod soon. */
    public synchronized void enqueue(String uid) {
        if (closed) {
            return;
        }
        if (running.contains(uid)) {
            again.add(uid);
        } else if (queued.add(uid) && sync != null) {
            pool.execute(() -> run(uid));
        }
    }

    /** Syncs the pod after this delay (or sooner, if asked for sooner). */
    public synchronized void enqueueAfter(String uid, Duration delay) {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        long due = now + delay.toNanos();
        Long scheduled = dueAt.get(uid);
        if (scheduled != null && scheduled - now > 0 && scheduled <= due) {
            return;
        }
        dueAt.put(uid, due);
        timer.schedule(() -> {
            synchronized (this) {
                dueAt.remove(uid, due);
            }
            enqueue(uid);
        }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void run(String uid) {
        synchronized (this) {
            queued.remove(uid);
            running.add(uid);
        }
        long started = System.nanoTime();
        Duration next;
        try {
            next = sync.apply(uid);
            synchronized (this) {
                failures.remove(uid);
            }
        } catch (RuntimeException e) {
            int failed;
            synchronized (this) {
                failed = failures.merge(uid, 1, Integer::sum);
            }
            next = backOff.after(failed);
            metrics.syncFailed();
            log.warn("Could not sync pod {} ({}); trying again in {}", describe(uid), e.getMessage(), next);
        } finally {
            metrics.synced(System.nanoTime() - started);
            synchronized (this) {
                running.remove(uid);
                if (again.remove(uid)) {
                    enqueue(uid);
                }
            }
        }
        if (next != null) {
            enqueueAfter(uid, next);
        }
    }

    private String describe(String uid) {
        Pod pod = cache.get(uid);
        return pod == null ? "with uid " + uid : PodFacts.describe(pod);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        timer.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
