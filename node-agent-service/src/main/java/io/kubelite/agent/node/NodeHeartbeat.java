package io.kubelite.agent.node;

import io.kubelite.agent.metrics.AgentMetrics;
import io.kubelite.store.lease.NodeLeaseStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the leases of every hosted node, all in one write per interval, like the kubelet's Lease in
 * kube-node-lease. The Node objects themselves are not written: a thousand nodes would flood the change log.
 */
public final class NodeHeartbeat implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final NodeLeaseStore leases;
    private final List<String> nodeNames;
    private final String holderIdentity;
    private final Duration interval;
    private final Duration leaseDuration;
    private final AgentMetrics metrics;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "node-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private boolean failing;

    public NodeHeartbeat(NodeLeaseStore leases, List<String> nodeNames, String holderIdentity, Duration interval,
                         Duration leaseDuration, AgentMetrics metrics) {
        this.leases = leases;
        this.nodeNames = List.copyOf(nodeNames);
        this.holderIdentity = holderIdentity;
        this.interval = interval;
        this.leaseDuration = leaseDuration;
        this.metrics = metrics;
    }

    /** Renews at once, then every interval. */
    public void start() {
        timer.scheduleAtFixedRate(this::renew, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void renew() {
        long started = System.nanoTime();
        try {
            leases.renew(nodeNames, holderIdentity, leaseDuration);
            metrics.heartbeat(System.nanoTime() - started, true);
            if (failing) {
                log.info("Renewing the leases of {} nodes again", nodeNames.size());
                failing = false;
            }
        } catch (RuntimeException e) {
            metrics.heartbeat(System.nanoTime() - started, false);
            if (!failing) {
                log.warn("Could not renew the leases of {} nodes ({}); retrying every {}: check the database",
                        nodeNames.size(), e.getMessage(), interval);
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
