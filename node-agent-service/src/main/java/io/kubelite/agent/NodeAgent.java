package io.kubelite.agent;

import io.kubelite.agent.metrics.AgentMetrics;
import io.kubelite.agent.node.NodeHeartbeat;
import io.kubelite.agent.node.NodeRegistrar;
import io.kubelite.agent.pod.PodInformer;
import io.kubelite.agent.pod.PodSyncer;
import io.kubelite.agent.pod.PodWorkers;
import io.kubelite.agent.pod.RuntimeRelist;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the agent once the web server serves (the nodes report its port) and stops it before the store closes:
 * register the nodes, heartbeat, then reconcile pods; on a clean shutdown, stop reconciling and heartbeating and
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
    private volatile boolean running;

    NodeAgent(List<String> nodeNames, NodeRegistrar registrar, NodeHeartbeat heartbeat, PodWorkers workers,
              PodSyncer syncer, PodInformer informer, RuntimeRelist relist, WebServerApplicationContext web,
              AgentMetrics metrics) {
        this.nodeNames = nodeNames;
        this.registrar = registrar;
        this.heartbeat = heartbeat;
        this.workers = workers;
        this.syncer = syncer;
        this.informer = informer;
        this.relist = relist;
        this.web = web;
        this.metrics = metrics;
    }

    @Override
    public void start() {
        metrics.registered(registrar.registerAll(nodeNames, web.getWebServer().getPort()));
        heartbeat.start();
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
        registrar.markNotReady(nodeNames);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
