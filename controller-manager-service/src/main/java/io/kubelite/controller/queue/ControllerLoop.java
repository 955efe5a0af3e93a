package io.kubelite.controller.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one controller: worker threads take keys from its queue and reconcile them, but only while this instance
 * leads; a failed reconcile is retried with an exponential back-off (base doubling to max) until it succeeds.
 */
public final class ControllerLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ControllerLoop.class);
    private static final Duration NOT_LEADING_PAUSE = Duration.ofMillis(500);

    private final String name;
    private final WorkQueue queue;
    private final Reconciler reconciler;
    private final BooleanSupplier leading;
    private final Duration retryBase;
    private final Duration retryMax;
    private final List<Thread> workers = new ArrayList<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    public ControllerLoop(String name, WorkQueue queue, Reconciler reconciler, BooleanSupplier leading, int workers,
                          Duration retryBase, Duration retryMax) {
        this.name = name;
        this.queue = queue;
        this.reconciler = reconciler;
        this.leading = leading;
        this.retryBase = retryBase;
        this.retryMax = retryMax;
        for (int i = 1; i <= workers; i++) {
            Thread thread = new Thread(this::work, name + "-worker-" + i);
            thread.setDaemon(true);
            this.workers.add(thread);
        }
    }

    public String name() {
        return name;
    }

    public WorkQueue queue() {
        return queue;
    }

    public void start() {
        workers.forEach(Thread::start);
    }

    private void work() {
        while (running) {
            String key;
            try {
                if (!leading.getAsBoolean()) {
                    // A standby reconciles nothing: its queue keeps (once each) the keys it learns of meanwhile.
                    Thread.sleep(NOT_LEADING_PAUSE.toMillis());
                    continue;
                }
                key = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (key == null) {
                return;
            }
            try {
                Optional<Duration> again = reconciler.reconcile(key);
                failures.remove(key);
                again.ifPresent(delay -> queue.addAfter(key, delay));
            } catch (RuntimeException e) {
                int failed = failures.merge(key, 1, Integer::sum);
                Duration delay = backOff(failed);
                log.warn("{}: could not reconcile {} ({}); retrying in {} ms", name, key, e.getMessage(),
                        delay.toMillis());
                queue.addAfter(key, delay);
            } finally {
                queue.done(key);
            }
        }
    }

    private Duration backOff(int failed) {
        Duration delay = retryBase.multipliedBy(1L << Math.min(20, failed - 1));
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }

    @Override
    public void close() {
        running = false;
        queue.close();
        for (Thread worker : workers) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
