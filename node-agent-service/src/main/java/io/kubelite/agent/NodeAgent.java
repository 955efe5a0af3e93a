package io.kubelite.agent;

import io.kubelite.agent.metrics.AgentMetrics;
import io.kubelite.agent.node.NodeHeartbeat;
import io.kubelite.agent.node.NodeRegistrar;
import io.kubelite.agent.pod.PodInformer;
import io.kubelite.agent.pod.PodSyncer;
import io.kubelite.agent.pod.PodWorkers;
import io.kubelite.agent.pod.RuntimeRelist;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the agent once the web server serves (the nodes report its port) and stops it before the store closes:
 * register the nodes, heartbeat, report them Ready again whenever they are not, then reconcile pods; on a clean
 * shutdown, stop reconciling and heartbeating and
 * mark the nodes not ready.
 */
final class NodeAgent implements SmartLifecycle {

    private final List<String> nodeNames;
    private final NodeRegistrar registrar;
    private final NodeHeartbeat heartbeat;
    private final PodWorkers workers;
    private final PodSyncer syncer;
    private final PodInformer informer;
    private final RuntimeRelist relist;
    private final WebServerApplicationContext web;
    private final AgentMetrics metrics;
    private final Duration nodeStatusPeriod;
    private PeriodicTask nodeStatus;
    private volatile boolean running;

    NodeAgent(List<String> nodeNames, NodeRegistrar registrar, NodeHeartbeat heartbeat, PodWorkers workers,
              PodSyncer syncer, PodInformer informer, RuntimeRelist relist, WebServerApplicationContext web,
              AgentMetrics metrics, Duration nodeStatusPeriod) {
        this.nodeNames = nodeNames;
        this.registrar = registrar;
        this.heartbeat = heartbeat;
        this.workers = workers;
        this.syncer = syncer;
        this.informer = informer;
        this.relist = relist;
        this.web = web;
        this.metrics = metrics;
        this.nodeStatusPeriod = nodeStatusPeriod;
    }

    @Override
    public void start() {
        int port = web.getWebServer().getPort();
        metrics.registered(registrar.registerAll(nodeNames, port));
        heartbeat.start();
        nodeStatus = new PeriodicTask("node-status", "check that " + nodeNames.size() + " nodes show Ready",
                nodeStatusPeriod, () -> registrar.reassertReady(nodeNames, port));
        nodeStatus.start();
        workers.start(syncer::sync);
        relist.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        relist.close();
        informer.close();
        workers.close();
        syncer.close();
        heartbeat.close();
        if (nodeStatus != null) {
            nodeStatus.close();
        }
        registrar.markNotReady(nodeNames);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
