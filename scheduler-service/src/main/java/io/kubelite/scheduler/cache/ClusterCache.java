package io.kubelite.scheduler.cache;

import io.kubelite.model.Json;
import io.kubelite.model.core.Node;
import io.kubelite.model.core.Pod;
import io.kubelite.scheduler.algorithm.ClusterSnapshot;
import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scheduler's view of the cluster, fed by watches: every node with what its pods request, and the queue of
 * pending pods. Pending pods are either active (tried next round) or parked (they fit nowhere and wait for the
 * cluster to change: a node added or changed, a pod gone or finished; or for the retry interval to pass).
 *
 * <p>Events carry revisions; an event older than what the cache holds for a pod (its own bind, assumed before
 * the watch reports it) is ignored, so usage never counts a pod twice or drops an assumed one.
 *
 * <p>Thread-safe: watch threads apply events while the scheduling thread takes rounds.
 */
public final class ClusterCache {

    public static final String DEFAULT_SCHEDULER = "default-scheduler";

    private final String schedulerName;
    private final Duration parkedRetryInterval;
    private final LongSupplier nanoTime;

    private final Map<String, NodeInfo> nodes = new HashMap<>();
    private final Map<String, TrackedPod> pods = new HashMap<>();
    private final Map<String, Set<String>> resourceHoldersByNode = new HashMap<>();
    private final Map<String, PendingPod> active = new HashMap<>();
    private final Map<String, Parked> parked = new HashMap<>();
    private long clusterChanges;
    private boolean workReady;

    /** A pod as the cache accounts for it. */
    private record TrackedPod(PodInfo info, String nodeName, boolean holdsResources, long revision) { }

    private record Parked(PendingPod pod, long sinceNanos) { }

    public ClusterCache(String schedulerName, Duration parkedRetryInterval, LongSupplier nanoTime) {
        this.schedulerName = schedulerName;
        this.parkedRetryInterval = parkedRetryInterval;
        this.nanoTime = nanoTime;
    }

    /** Replaces every node, as a fresh list reads them. */
    public synchronized void replaceNodes(List<ObjectNode> objects) {
        nodes.clear();
        objects.forEach(this::upsertNode);
        clusterChanged();
    }

    /** Replaces every pod, as a fresh list reads them; failures already reported are remembered. */
    public synchronized void replacePods(List<ObjectNode> objects, long revision) {
        Map<String, ReportedFailure> failures = new HashMap<>();
        active.values().forEach(p -> failures.put(p.info().uid(), p.lastFailure()));
        parked.values().forEach(p -> failures.put(p.pod().info().uid(), p.pod().lastFailure()));
        pods.clear();
        resourceHoldersByNode.clear();
        active.clear();
        parked.clear();
        nodes.replaceAll((name, info) -> NodeInfo.of(info.node()));
        for (ObjectNode object : objects) {
            upsertPod(object, revision);
            PendingPod pending = active.get(uid(object));
            if (pending != null && failures.get(pending.info().uid()) != null) {
                active.put(pending.info().uid(), pending.withFailure(failures.get(pending.info().uid())));
            }
        }
        clusterChanged();
    }

    public synchronized void applyNodeEvent(String type, ObjectNode object) {
        if ("DELETED".equals(type)) {
            nodes.remove(object.path("metadata").path("name").asString());
        } else {
            upsertNode(object);
            clusterChanged();
        }
    }

    public synchronized void applyPodEvent(String type, ObjectNode object, long revision) {
        if ("DELETED".equals(type)) {
            removePod(uid(object), revision);
        } else {
            upsertPod(object, revision);
        }
    }

    /**
     * Records a bind this scheduler made, before its watch reports it, so the next round sees the node's new
     * usage. {@code bound} is the pod as the store returned it.
     */
    public synchronized void assume(ObjectNode bound) {
        upsertPod(bound, resourceVersion(bound));
    }

    /** Takes the fresh state of a pod whose bind lost a race (or that is gone: null). */
    public synchronized void refresh(String uid, ObjectNode fresh) {
        if (fresh == null) {
            removePod(uid, Long.MAX_VALUE);
        } else {
            upsertPod(fresh, resourceVersion(fresh));
        }
    }

    /**
     * The next round: active pods in queue order (at most {@code limit}), after moving back parked pods that
     * waited longer than the retry interval.
     */
    public synchronized SchedulingRound nextRound(int limit) {
        long now = nanoTime.getAsLong();
        for (Iterator<Parked> it = parked.values().iterator(); it.hasNext(); ) {
            Parked p = it.next();
            if (now - p.sinceNanos() >= parkedRetryInterval.toNanos()) {
                it.remove();
                active.put(p.pod().info().uid(), p.pod());
            }
        }
        workReady = false;
        List<PendingPod> queue = new ArrayList<>(active.values());
        queue.sort(Comparator.comparing(PendingPod::info, PodInfo.QUEUE_ORDER));
        List<PendingPod> taken = queue.size() > limit ? List.copyOf(queue.subList(0, limit)) : queue;
        return new SchedulingRound(taken, new ClusterSnapshot(List.copyOf(nodes.values())), clusterChanges,
                queue.size() > limit);
    }

    /**
     * Parks a pod that fit nowhere, until the cluster changes. If the cluster changed since the round was taken
     * ({@code changesSeen}), or the pod's spec did, the pod stays active: the change may be the one it waits for.
     * Other changes to the pod (such as the condition that reports the failure) leave it parked.
     */
    public synchronized void park(PendingPod pod, ReportedFailure failure, long changesSeen) {
        String uid = pod.info().uid();
        PendingPod current = active.get(uid);
        if (current == null) {
            return;
        }
        PendingPod withFailure = current.withFailure(failure);
        if (changesSeen == clusterChanges && current.generation() == pod.generation()) {
            active.remove(uid);
            parked.put(uid, new Parked(withFailure, nanoTime.getAsLong()));
        } else {
            active.put(uid, withFailure);
        }
    }

    /** Waits until there is something to schedule or the timeout passes. */
    public synchronized void awaitWork(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!workReady) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Wakes the scheduling thread, e.g. when this instance becomes the leader. */
    public synchronized void wakeUp() {
        workReady = true;
        notifyAll();
    }

    public synchronized int pendingCount() {
        return active.size() + parked.size();
    }

    public synchronized int nodeCount() {
        return nodes.size();
    }

    private void upsertNode(ObjectNode object) {
        Node node = Json.MAPPER.treeToValue(object, Node.class);
        String name = node.metadata().name();
        NodeInfo existing = nodes.get(name);
        if (existing != null) {
            nodes.put(name, existing.withNode(node));
            return;
        }
        NodeInfo info = NodeInfo.of(node);
        for (String uid : resourceHoldersByNode.getOrDefault(name, Set.of())) {
            info = info.withPod(pods.get(uid).info());
        }
        nodes.put(name, info);
    }

    private void upsertPod(ObjectNode object, long revision) {
        String uid = uid(object);
        TrackedPod old = pods.get(uid);
        if (old != null && old.revision() >= revision) {
            return;
        }
        Pod pod = Json.MAPPER.treeToValue(object, Pod.class);
        PodInfo info = PodInfo.of(pod);
        String nodeName = pod.spec() == null ? null : pod.spec().nodeName();
        boolean bound = nodeName != null && !nodeName.isEmpty();
        TrackedPod tracked = new TrackedPod(info, bound ? nodeName : null, bound && !finished(pod), revision);
        if (old != null && old.holdsResources()) {
            release(old);
        }
        pods.put(uid, tracked);
        if (tracked.holdsResources()) {
            hold(tracked);
        } else if (old != null && old.holdsResources()) {
            clusterChanged();
        }
        updateQueue(pod, info, object);
    }

    private void updateQueue(Pod pod, PodInfo info, ObjectNode object) {
        String uid = info.uid();
        if (!isPendingForThisScheduler(pod)) {
            active.remove(uid);
            parked.remove(uid);
            return;
        }
        Parked wasParked = parked.get(uid);
        PendingPod previous = wasParked != null ? wasParked.pod() : active.get(uid);
        PendingPod pending = previous == null
                ? new PendingPod(info, object, nanoTime.getAsLong(), null)
                : new PendingPod(info, object, previous.enqueuedNanos(), previous.lastFailure());
        if (wasParked != null && pending.generation() == wasParked.pod().generation()) {
            parked.put(uid, new Parked(pending, wasParked.sinceNanos()));
            return;
        }
        parked.remove(uid);
        active.put(uid, pending);
        wakeUp();
    }

    private void removePod(String uid, long revision) {
        TrackedPod old = pods.get(uid);
        if (old == null || old.revision() > revision) {
            return;
        }
        pods.remove(uid);
        active.remove(uid);
        parked.remove(uid);
        if (old.holdsResources()) {
            release(old);
            clusterChanged();
        }
    }

    private void hold(TrackedPod pod) {
        resourceHoldersByNode.computeIfAbsent(pod.nodeName(), n -> new HashSet<>()).add(pod.info().uid());
        nodes.computeIfPresent(pod.nodeName(), (name, node) -> node.withPod(pod.info()));
    }

    private void release(TrackedPod pod) {
        Set<String> holders = resourceHoldersByNode.get(pod.nodeName());
        if (holders != null) {
            holders.remove(pod.info().uid());
            if (holders.isEmpty()) {
                resourceHoldersByNode.remove(pod.nodeName());
            }
        }
        nodes.computeIfPresent(pod.nodeName(), (name, node) -> node.withoutPod(pod.info()));
    }

    /** Something changed that may let parked pods fit: they all become active again. */
    private void clusterChanged() {
        clusterChanges++;
        if (!parked.isEmpty()) {
            parked.values().forEach(p -> active.put(p.pod().info().uid(), p.pod()));
            parked.clear();
        }
        if (!active.isEmpty()) {
            wakeUp();
        }
    }

    private boolean isPendingForThisScheduler(Pod pod) {
        String nodeName = pod.spec() == null ? null : pod.spec().nodeName();
        String wanted = pod.spec() == null ? null : pod.spec().schedulerName();
        return (nodeName == null || nodeName.isEmpty())
                && pod.metadata().deletionTimestamp() == null
                && (wanted == null || wanted.isEmpty() || wanted.equals(schedulerName))
                && !finished(pod);
    }

    private static boolean finished(Pod pod) {
        String phase = pod.status() == null ? null : pod.status().phase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    private static String uid(ObjectNode object) {
        return object.path("metadata").path("uid").asString();
    }

    private static long resourceVersion(ObjectNode object) {
        return Long.parseLong(object.path("metadata").path("resourceVersion").asString());
    }
}
