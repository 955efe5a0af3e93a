package io.kubelite.controller.node;

import io.kubelite.controller.Controller;
import io.kubelite.controller.event.EventRecorder;
import io.kubelite.controller.informer.Informer;
import io.kubelite.controller.informer.Informers;
import io.kubelite.controller.queue.WorkQueue;
import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.model.core.NodeCondition;
import io.kubelite.model.core.Taint;
import io.kubelite.model.core.Toleration;
import io.kubelite.store.DeleteOptions;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kubernetes' node lifecycle controller and taint manager in one loop, keyed by node name. A node whose agent has
 * been silent (no lease renewal and no status heartbeat) for longer than the grace period gets {@code Ready=Unknown}
 * and the {@code unreachable:NoExecute} taint; a node its agent reported {@code Ready=False} (a clean stop) gets the
 * {@code not-ready:NoExecute} taint; a node heard from again loses both. Pods on a node with {@code NoExecute} taints
 * are deleted when their tolerations run out, and pods left being deleted on a silent node, which no agent will
 * finish, are deleted for good after a while.
 */
public final class NodeLifecycleController implements Controller {

    private static final Logger log = LoggerFactory.getLogger(NodeLifecycleController.class);
    /** A write found the node changed since the informer's copy, whose watch brings the newer one right away. */
    private static final Duration AFTER_CONFLICT = Duration.ofMillis(100);
    static final String READY = "Ready";
    static final String UNKNOWN = "Unknown";

    private final ObjectStore store;
    private final Informer nodes;
    private final Informer pods;
    private final LeaseMonitor leases;
    private final EventRecorder events;
    private final NodeLifecycleProperties properties;
    private final NoExecuteTaints noExecuteTaints;
    private final Clock clock;
    /** When this controller first looked at each node: no heartbeat counts from earlier. */
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();

    public NodeLifecycleController(ObjectStore store, Informers informers, LeaseMonitor leases, EventRecorder events,
                                   NodeLifecycleProperties properties, Clock clock) {
        this.store = store;
        this.nodes = informers.of(ResourceKind.NODE);
        this.pods = informers.of(ResourceKind.POD);
        this.leases = leases;
        this.events = events;
        this.properties = properties;
        this.noExecuteTaints = new NoExecuteTaints(properties.defaultToleration());
        this.clock = clock;
    }

    @Override
    public String name() {
        return "node-lifecycle";
    }

    @Override
    public void watch(WorkQueue queue) {
        nodes.addHandler((before, after) -> queue.add(Informer.key(after != null ? after : before)));
        pods.addHandler((before, after) -> nodeName(after != null ? after : before).ifPresent(queue::add));
        leases.onRead(() -> allKeys().forEach(queue::add));
    }

    @Override
    public Collection<String> allKeys() {
        return nodes.list().stream().map(Informer::key).toList();
    }

    @Override
    public Optional<Duration> reconcile(String name) {
        Optional<ObjectNode> found = nodes.get(null, name);
        if (found.isEmpty()) {
            firstSeen.remove(name);
            return Optional.empty();
        }
        if (!leases.isCurrent()) {
            return Optional.of(properties.monitorPeriod());
        }
        try {
            return reconcile(name, found.get(), clock.instant());
        } catch (StatusException e) {
            if (e.code() == 409) {
                return Optional.of(AFTER_CONFLICT);
            }
            throw e;
        }
    }

    private Optional<Duration> reconcile(String name, ObjectNode node, Instant now) {
        Instant heartbeat = lastHeartbeat(name, node, now);
        boolean silent = heartbeat.plus(properties.gracePeriod()).isBefore(now);
        if (silent) {
            node = markUnknown(node, heartbeat, now);
        }
        node = taint(node, desiredTaint(node, silent, now), now);

        List<Instant> deadlines = new ArrayList<>();
        if (!silent) {
            deadlines.add(heartbeat.plus(properties.gracePeriod()).plusMillis(1));
            notReadySince(node).map(since -> since.plus(properties.gracePeriod()).plusMillis(1))
                    .filter(now::isBefore).ifPresent(deadlines::add);
        }
        List<Taint> taints = taints(node);
        if (taints.stream().anyMatch(taint -> NoExecuteTaints.NO_EXECUTE.equals(taint.effect())) || silent) {
            for (ObjectNode pod : pods.list(pod -> nodeName(pod).filter(name::equals).isPresent())) {
                nextAction(pod, taints, silent, now).ifPresent(deadlines::add);
            }
        }
        // Deadlines beyond the next lease read are met by the read, which queues every node again.
        return deadlines.stream().min(Instant::compareTo).map(deadline -> Duration.between(now, deadline))
                .filter(wait -> wait.compareTo(properties.monitorPeriod()) < 0);
    }

    /**
     * The latest sign of life: the lease renewal, or the heartbeat of a {@code Ready} condition the agent posted,
     * but never earlier than when this controller first looked at the node. So a node gets a full grace period after
     * the controller manager starts (or a standby takes over), as in Kubernetes: the whole cluster restarting at
     * once must not have its pods evicted before its agents are back.
     */
    private Instant lastHeartbeat(String name, ObjectNode node, Instant now) {
        Instant observedSince = firstSeen.computeIfAbsent(name, n -> now);
        Optional<NodeCondition> ready = ready(node).filter(condition -> !UNKNOWN.equals(condition.status()));
        return Stream.of(leases.lastRenewal(name), ready.map(NodeCondition::lastHeartbeatTime),
                        ready.map(NodeCondition::lastTransitionTime))
                .flatMap(Optional::stream).filter(heartbeat -> heartbeat.isAfter(observedSince))
                .max(Instant::compareTo).orElse(observedSince);
    }

    private ObjectNode markUnknown(ObjectNode node, Instant heartbeat, Instant now) {
        Optional<NodeCondition> ready = ready(node);
        if (ready.filter(condition -> UNKNOWN.equals(condition.status())).isPresent()) {
            return node;
        }
        NodeCondition unknown = ready.isPresent()
                ? new NodeCondition(READY, UNKNOWN, ready.get().lastHeartbeatTime(), now, "NodeStatusUnknown",
                        "Kubelet stopped posting node status.")
                : new NodeCondition(READY, UNKNOWN, null, now, "NodeStatusNeverUpdated",
                        "Kubelet never posted node status.");
        ObjectNode changed = node.deepCopy();
        ObjectNode status = changed.get("status") instanceof ObjectNode s ? s : changed.putObject("status");
        ArrayNode conditions = status.putArray("conditions");
        node.path("status").path("conditions").forEach(condition -> {
            if (!READY.equals(condition.path("type").asString())) {
                conditions.add(condition);
            }
        });
        conditions.add(Json.MAPPER.valueToTree(unknown));
        ObjectNode written = store.updateStatus(ResourceKind.NODE, changed, WriteOptions.NONE);
        log.info("Node {} has sent no heartbeat for {} s (grace period {} s): Ready=Unknown",
                name(node), Duration.between(heartbeat, now).toSeconds(), properties.gracePeriod().toSeconds());
        return written;
    }

    /**
     * The taint the node's state calls for: unreachable when silent; not-ready when its agent has said so for longer
     * than the grace period (an agent restarting says so for a few seconds, and its pods must stay); or none.
     */
    private Optional<String> desiredTaint(ObjectNode node, boolean silent, Instant now) {
        if (silent) {
            return Optional.of(NoExecuteTaints.UNREACHABLE);
        }
        return notReadySince(node).filter(since -> since.plus(properties.gracePeriod()).isBefore(now))
                .map(since -> NoExecuteTaints.NOT_READY);
    }

    /** Since when the agent has reported {@code Ready=False}, if it does. */
    private static Optional<Instant> notReadySince(ObjectNode node) {
        return ready(node).filter(condition -> "False".equals(condition.status()))
                .map(condition -> condition.lastTransitionTime() != null
                        ? condition.lastTransitionTime() : Instant.EPOCH);
    }

    /** Gives the node the wanted lifecycle taint (keeping its time added) and takes away the other. */
    private ObjectNode taint(ObjectNode node, Optional<String> wanted, Instant now) {
        List<Taint> current = taints(node);
        List<Taint> kept = current.stream().filter(taint -> !isLifecycleTaint(taint)
                || wanted.filter(key -> key.equals(taint.key())).isPresent()).toList();
        boolean hasWanted = kept.stream().anyMatch(NodeLifecycleController::isLifecycleTaint);
        if (kept.size() == current.size() && (wanted.isEmpty() || hasWanted)) {
            return node;
        }
        List<Taint> taints = new ArrayList<>(kept);
        if (wanted.isPresent() && !hasWanted) {
            taints.add(new Taint(wanted.get(), null, NoExecuteTaints.NO_EXECUTE, now));
        }
        ObjectNode changed = node.deepCopy();
        ObjectNode spec = changed.get("spec") instanceof ObjectNode s ? s : changed.putObject("spec");
        if (taints.isEmpty()) {
            spec.remove("taints");
        } else {
            spec.set("taints", Json.MAPPER.valueToTree(taints));
        }
        ObjectNode written = store.update(ResourceKind.NODE, changed, WriteOptions.NONE);
        boolean hadLifecycleTaint = current.stream().anyMatch(NodeLifecycleController::isLifecycleTaint);
        if (wanted.isPresent() && !hadLifecycleTaint) {
            events.normal(ResourceKind.NODE, written, "NodeNotReady",
                    "Node " + name(node) + " status is now: NodeNotReady");
        }
        log.info("Node {}: taints {}", name(node), wanted.map(key -> "now " + key + ":NoExecute")
                .orElse("node.kubernetes.io/not-ready and unreachable removed"));
        return written;
    }

    /**
     * Evicts the pod if its tolerations have run out, or deletes it for good if it is left being deleted on a
     * silent node; otherwise returns when to look at it again, if ever.
     */
    private Optional<Instant> nextAction(ObjectNode pod, List<Taint> taints, boolean silent, Instant now) {
        JsonNode deletionTimestamp = pod.path("metadata").path("deletionTimestamp");
        if (!deletionTimestamp.isMissingNode() && !deletionTimestamp.isNull()) {
            if (!silent) {
                return Optional.empty();
            }
            Instant forceAt = Instant.parse(deletionTimestamp.asString()).plus(properties.forceDeleteAfter());
            if (forceAt.isAfter(now)) {
                return Optional.of(forceAt);
            }
            if (delete(pod, 0L)) {
                log.info("Deleted pod {} for good: its node {} has sent no heartbeat and no agent will finish it",
                        Informer.key(pod), nodeName(pod).orElse(""));
            }
            return Optional.empty();
        }
        Optional<Instant> evictAt = noExecuteTaints.evictionTime(taints, tolerations(pod), now);
        if (evictAt.isEmpty() || evictAt.get().isAfter(now)) {
            return evictAt;
        }
        if (delete(pod, null)) {
            events.normal(ResourceKind.POD, pod, "TaintManagerEviction", "Marking for deletion Pod " + Informer.key(pod));
            log.info("Evicted pod {} from node {}: its tolerations of the node's NoExecute taints ran out",
                    Informer.key(pod), nodeName(pod).orElse(""));
        }
        return Optional.empty();
    }

    /** Deletes this very pod (not a later one of the same name); false if it is already gone. */
    private boolean delete(ObjectNode pod, Long gracePeriodSeconds) {
        JsonNode metadata = pod.path("metadata");
        try {
            store.delete(ResourceKind.POD, metadata.path("namespace").asString(), metadata.path("name").asString(),
                    new DeleteOptions(metadata.path("uid").asString(null), null, gracePeriodSeconds, false, null));
            return true;
        } catch (StatusException e) {
            if (e.code() == 404 || e.code() == 409) {
                return false;
            }
            throw e;
        }
    }

    private static boolean isLifecycleTaint(Taint taint) {
        return NoExecuteTaints.NO_EXECUTE.equals(taint.effect())
                && (NoExecuteTaints.NOT_READY.equals(taint.key()) || NoExecuteTaints.UNREACHABLE.equals(taint.key()));
    }

    private static Optional<NodeCondition> ready(ObjectNode node) {
        for (JsonNode condition : node.path("status").path("conditions")) {
            if (READY.equals(condition.path("type").asString())) {
                return Optional.of(Json.MAPPER.treeToValue(condition, NodeCondition.class));
            }
        }
        return Optional.empty();
    }

    private static List<Taint> taints(ObjectNode node) {
        JsonNode taints = node.path("spec").path("taints");
        return taints.isArray() ? List.of(Json.MAPPER.treeToValue(taints, Taint[].class)) : List.of();
    }

    private static List<Toleration> tolerations(ObjectNode pod) {
        JsonNode tolerations = pod.path("spec").path("tolerations");
        return tolerations.isArray() ? List.of(Json.MAPPER.treeToValue(tolerations, Toleration[].class)) : List.of();
    }

    private static Optional<String> nodeName(ObjectNode pod) {
        String name = pod.path("spec").path("nodeName").asString("");
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private static String name(ObjectNode node) {
        return node.path("metadata").path("name").asString();
    }
}
