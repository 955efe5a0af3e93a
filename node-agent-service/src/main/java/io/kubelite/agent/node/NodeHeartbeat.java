package io.kubelite.agent.node;

import io.kubelite.agent.PeriodicTask;
import io.kubelite.agent.metrics.AgentMetrics;
import io.kubelite.store.lease.NodeLeaseStore;
import java.time.Duration;
import java.util.List;

/**
 * Renews the leases of every hosted node, all in one write per interval, like the kubelet's Lease in
 * kube-node-lease. The Node objects themselves are not written: a thousand nodes would flood the change log.
 */
public final class NodeHeartbeat implements AutoCloseable {

    private final NodeLeaseStore leases;
    private final List<String> nodeNames;
    private final String holderIdentity;
    private final Duration leaseDuration;
    private final AgentMetrics metrics;
    private final PeriodicTask task;

    public NodeHeartbeat(NodeLeaseStore leases, List<String> nodeNames, String holderIdentity, Duration interval,
                         Duration leaseDuration, AgentMetrics metrics) {
        this.leases = leases;
        this.nodeNames = List.copyOf(nodeNames);
        this.holderIdentity = holderIdentity;
        this.leaseDuration = leaseDuration;
        this.metrics = metrics;
        this.task = new PeriodicTask("node-heartbeat",
                "renew the leases of " + nodeNames.size() + " nodes (check the database)", interval, this::renew);
    }

    /** Renews at once, then every interval. */
    public void start() {
        task.start();
    }

    private void renew() {
        long started = System.nanoTime();
        try {
            leases.renew(nodeNames, holderIdentity, leaseDuration);
            metrics.heartbeat(System.nanoTime() - started, true);
        } catch (RuntimeException e) {
            metrics.heartbeat(System.nanoTime() - started, false);
            throw e;
        }
    }

    @Override
    public void close() {
        task.close();
    }
}
