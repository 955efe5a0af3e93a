package io.kubelite.agent;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one action on its own thread, at once and then a period after each run ends. A failing action is logged
 * when it starts failing and when it works again, not on every attempt, so a database outage is two log lines.
 */
public final class PeriodicTask implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String what;
    private final Duration period;
    private final Runnable action;
    private final ScheduledExecutorService timer;
    private boolean failing;

    /**
     * @param what what the action does, to complete "Could not ..." in a log line, such as
     *             {@code "renew the leases of 3 nodes"}
     */
    public PeriodicTask(String threadName, String what, Duration period, Runnable action) {
        this.what = what;
        this.period = period;
        this.action = action;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::runOnce, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            action.run();
            if (failing) {
                log.info("Could {} again", what);
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Could not {} ({}); trying again every {}", what, e.getMessage(), period);
                failing = true;
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
