package io.kubelite.controller.queue;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keys of objects to reconcile, as client-go's work queue: a key queued many times before a worker takes it is
 * reconciled once; a key is never given to two workers at once (queued again while being reconciled, it is handed
 * out again after {@link #done}); {@link #addAfter} queues a key later, for retries and timed checks.
 */
public final class WorkQueue implements AutoCloseable {

    private final Set<String> queued = new LinkedHashSet<>();
    private final Set<String> processing = new HashSet<>();
    private final Set<String> dirty = new HashSet<>();
    private final ScheduledExecutorService timer;
    private boolean closed;

    public WorkQueue(String name) {
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name + "-queue-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    public synchronized void add(String key) {
        if (closed) {
            return;
        }
        if (processing.contains(key)) {
            dirty.add(key);
            return;
        }
        if (queued.add(key)) {
            notifyAll();
        }
    }

    public void addAfter(String key, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            add(key);
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        timer.schedule(() -> add(key), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next key to reconcile, waiting for one; null once the queue is closed. */
    public synchronized String take() throws InterruptedException {
        while (queued.isEmpty() && !closed) {
            wait();
        }
        if (closed) {
            return null;
        }
        String key = queued.iterator().next();
        queued.remove(key);
        processing.add(key);
        return key;
    }

    /** The worker is done with the key; if it was queued again meanwhile, it is queued now. */
    public synchronized void done(String key) {
        processing.remove(key);
        if (dirty.remove(key) && queued.add(key)) {
            notifyAll();
        }
    }

    public synchronized int size() {
        return queued.size();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        timer.shutdownNow();
    }
}
