package io.kubelite.agent.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The node agent's meters (Prometheus names in brackets): hosted nodes [kubelite_agent_nodes], lease renewals by
 * result [kubelite_agent_heartbeats_total{result}] and their time [kubelite_agent_heartbeat_duration_seconds],
 * pods by phase on the hosted nodes [kubelite_agent_pods{phase}], pod status writes by result
 * [kubelite_agent_status_writes_total{result}], container starts by result
 * [kubelite_agent_container_starts_total{result}], failed image pulls [kubelite_agent_image_pull_failures_total],
 * pods rejected by admission [kubelite_agent_pods_rejected_total{reason}], pod syncs that failed
 * [kubelite_agent_sync_failures_total], the time of a pod sync [kubelite_agent_pod_sync_duration_seconds] and of
 * registering the nodes at start [kubelite_agent_registration_duration_seconds].
 */
public final class AgentMetrics {

    private final MeterRegistry registry;
    private final Counter renewed;
    private final Counter renewFailed;
    private final Timer heartbeatTime;
    private final Counter statusWritten;
    private final Counter statusConflict;
    private final Counter statusError;
    private final Counter containerStarted;
    private final Counter containerStartFailed;
    private final Counter pullFailed;
    private final Counter syncFailed;
    private final Timer syncTime;
    private final Timer registrationTime;

    public AgentMetrics(MeterRegistry registry, int hostedNodes) {
        this.registry = registry;
        Gauge.builder("kubelite.agent.nodes", () -> hostedNodes).description("Nodes this agent hosts")
                .register(registry);
        renewed = counter("kubelite.agent.heartbeats", "result", "renewed", "Lease renewals of all hosted nodes");
        renewFailed = counter("kubelite.agent.heartbeats", "result", "failed", "Lease renewals of all hosted nodes");
        heartbeatTime = Timer.builder("kubelite.agent.heartbeat.duration")
                .description("Time to renew the leases of all hosted nodes").register(registry);
        statusWritten = counter("kubelite.agent.status.writes", "result", "written", "Pod status writes");
        statusConflict = counter("kubelite.agent.status.writes", "result", "conflict", "Pod status writes");
        statusError = counter("kubelite.agent.status.writes", "result", "error", "Pod status writes");
        containerStarted = counter("kubelite.agent.container.starts", "result", "started", "Container starts");
        containerStartFailed = counter("kubelite.agent.container.starts", "result", "failed", "Container starts");
        pullFailed = Counter.builder("kubelite.agent.image.pull.failures").description("Image pulls that failed")
                .register(registry);
        syncFailed = Counter.builder("kubelite.agent.sync.failures")
                .description("Pod syncs that failed and were retried after a back-off").register(registry);
        syncTime = Timer.builder("kubelite.agent.pod.sync.duration").description("Time to reconcile one pod")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
        registrationTime = Timer.builder("kubelite.agent.registration.duration")
                .description("Time to create or update the hosted nodes at start").register(registry);
    }

    /** Registers a gauge of the pods in one phase, counted on demand. */
    public void podsInPhase(String phase, Supplier<Number> count) {
        Gauge.builder("kubelite.agent.pods", count).tag("phase", phase)
                .description("Pods on the hosted nodes by phase").register(registry);
    }

    private Counter counter(String name, String tag, String value, String description) {
        return Counter.builder(name).tag(tag, value).description(description).register(registry);
    }

    public void heartbeat(long nanos, boolean succeeded) {
        (succeeded ? renewed : renewFailed).increment();
        heartbeatTime.record(Duration.ofNanos(nanos));
    }

    public void statusWritten() {
        statusWritten.increment();
    }

    public void statusConflict() {
        statusConflict.increment();
    }

    public void statusError() {
        statusError.increment();
    }

    public void containerStarted() {
        containerStarted.increment();
    }

    public void containerStartFailed() {
        containerStartFailed.increment();
    }

    public void imagePullFailed() {
        pullFailed.increment();
    }

    public void podRejected(String reason) {
        Counter.builder("kubelite.agent.pods.rejected").tag("reason", reason)
                .description("Pods rejected by admission").register(registry).increment();
    }

    public void syncFailed() {
        syncFailed.increment();
    }

    public void registered(Duration took) {
        registrationTime.record(took);
    }

    public void synced(long nanos) {
        syncTime.record(Duration.ofNanos(nanos));
    }
}
