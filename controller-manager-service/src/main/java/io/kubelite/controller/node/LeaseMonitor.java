package io.kubelite.controller.node;

import io.kubelite.store.lease.NodeLease;
import io.kubelite.store.lease.NodeLeaseStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;

/**
 * Reads every node lease once a monitor period and keeps when each was last renewed, turned from the database's
 * clock (the lease's age) into this process's clock, so that the controller can compare it with its own.
 */
public final class LeaseMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeaseMonitor.class);
    /** Renewal times read longer ago than this many periods are too old to judge a node by. */
    private static final int STALE_AFTER_PERIODS = 3;

    private final NodeLeaseStore leases;
    private final Clock clock;
    private final Duration period;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, Instant> renewals = Map.of();
    private volatile Instant readAt;
    private volatile boolean failing;
    private ScheduledExecutorService timer;

    public LeaseMonitor(NodeLeaseStore leases, Clock clock, Duration period) {
        this.leases = leases;
        this.clock = clock;
        this.period = period;
    }

    /** Calls the listener after each read. */
    public void onRead(Runnable listener) {
        listeners.add(listener);
    }

    /** When the node's lease was last renewed, by this process's clock; empty if it has none. */
    public Optional<Instant> lastRenewal(String nodeName) {
        return Optional.ofNullable(renewals.get(nodeName));
    }

    /** Whether the leases were read recently enough to judge nodes by. */
    public boolean isCurrent() {
        Instant read = readAt;
        return read != null && read.plus(period.multipliedBy(STALE_AFTER_PERIODS)).isAfter(clock.instant());
    }

    void read() {
        try {
            List<NodeLease> all = leases.list();
            Instant now = clock.instant();
            Map<String, Instant> renewed = new HashMap<>();
            for (NodeLease lease : all) {
                renewed.put(lease.nodeName(), now.minus(lease.age()));
            }
            renewals = renewed;
            readAt = now;
            if (failing) {
                log.info("Reading node leases again");
                failing = false;
            }
        } catch (DataAccessException e) {
            if (!failing) {
                log.warn("Could not read node leases ({}); no node is judged until they can be read",
                        e.getMostSpecificCause().getMessage());
                failing = true;
            }
            return;
        }
        listeners.forEach(Runnable::run);
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "node-lease-monitor");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::read, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
