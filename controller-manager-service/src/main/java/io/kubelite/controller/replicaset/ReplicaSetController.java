package io.kubelite.controller.replicaset;

import io.kubelite.controller.Controller;
import io.kubelite.controller.event.EventRecorder;
import io.kubelite.controller.informer.Informer;
import io.kubelite.controller.informer.Informers;
import io.kubelite.controller.owner.Metadata;
import io.kubelite.controller.owner.OwnerReferences;
import io.kubelite.controller.owner.OwnerReferences.Reference;
import io.kubelite.controller.queue.WorkQueue;
import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.model.selector.LabelSelector;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps {@code spec.replicas} active pods matching each ReplicaSet's selector, as Kubernetes' replicaset
 * controller: it adopts matching pods no controller owns, releases its pods that stop matching, creates pods from
 * the template or deletes the least valuable ones, and reports replicas / fullyLabeledReplicas / readyReplicas /
 * availableReplicas / observedGeneration. It acts on the count only when everything it created or deleted has
 * come back through the watch ({@link Expectations}), so it never overshoots.
 */
public final class ReplicaSetController implements Controller, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicaSetController.class);
    /** At most this many pods are created or deleted in one sync (Kubernetes' burstReplicas). */
    static final int BURST_REPLICAS = 500;
    private static final int WRITER_THREADS = 16;

    private final Informer replicaSets;
    private final Informer pods;
    private final ObjectStore store;
    private final Clock clock;
    private final Expectations expectations;
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITER_THREADS, task -> {
        Thread thread = new Thread(task, "replicaset-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final ReplicaSetPods podWrites;
    private WorkQueue queue;

    public ReplicaSetController(Informers informers, ObjectStore store, EventRecorder events, Clock clock) {
        this.replicaSets = informers.of(ResourceKind.REPLICASET);
        this.pods = informers.of(ResourceKind.POD);
        this.store = store;
        this.clock = clock;
        this.expectations = new Expectations(clock);
        this.podWrites = new ReplicaSetPods(store, events, expectations, writers);
    }

    @Override
    public String name() {
        return "replicaset";
    }

    @Override
    public Collection<String> allKeys() {
        return replicaSets.list().stream().map(Informer::key).toList();
    }

    // ---- what changes concern which ReplicaSet (Kubernetes' add/update/deletePod) --------------------------

    @Override
    public void watch(WorkQueue queue) {
        this.queue = queue;
        replicaSets.addHandler((before, after) -> {
            if (after == null) {
                expectations.forget(Informer.key(before));
            }
            queue.add(Informer.key(after != null ? after : before));
        });
        pods.addHandler((before, after) -> {
            if (after == null) {
                podDeleted(before);
            } else if (before == null) {
                podAdded(after);
            } else {
                podUpdated(before, after);
            }
        });
    }

    private void podAdded(ObjectNode pod) {
        if (Metadata.isBeingDeleted(pod)) {
            podDeleted(pod);
            return;
        }
        Optional<Reference> controller = OwnerReferences.controllerOf(pod);
        if (controller.isPresent()) {
            owner(pod, controller.get()).ifPresent(rs -> {
                expectations.creationObserved(Informer.key(rs));
                queue.add(Informer.key(rs));
            });
        } else {
            queueMatching(pod);
        }
    }

    private void podUpdated(ObjectNode before, ObjectNode after) {
        if (Metadata.isBeingDeleted(after)) {
            podDeleted(after);
            return;
        }
        Optional<Reference> was = OwnerReferences.controllerOf(before);
        Optional<Reference> is = OwnerReferences.controllerOf(after);
        if (was.isPresent() && !was.equals(is)) {
            owner(before, was.get()).ifPresent(rs -> queue.add(Informer.key(rs)));
        }
        if (is.isPresent()) {
            owner(after, is.get()).ifPresent(rs -> queue.add(Informer.key(rs)));
        } else if (!Metadata.labels(before).equals(Metadata.labels(after)) || was.isPresent()) {
            queueMatching(after);
        }
    }

    private void podDeleted(ObjectNode pod) {
        OwnerReferences.controllerOf(pod).flatMap(ref -> owner(pod, ref)).ifPresent(rs -> {
            expectations.deletionObserved(Informer.key(rs), Metadata.uid(pod));
            queue.add(Informer.key(rs));
        });
    }

    /** The ReplicaSet a controller reference names, if it is one and still the same object (same uid). */
    private Optional<ObjectNode> owner(ObjectNode pod, Reference ref) {
        if (!ResourceKind.REPLICASET.kind().equals(ref.kind())) {
            return Optional.empty();
        }
        return replicaSets.get(Metadata.namespace(pod), ref.name()).filter(rs -> Metadata.uid(rs).equals(ref.uid()));
    }

    /** An orphan: every ReplicaSet of its namespace that would adopt it. */
    private void queueMatching(ObjectNode pod) {
        String namespace = Metadata.namespace(pod);
        for (ObjectNode rs : replicaSets.list(rs -> Metadata.namespace(rs).equals(namespace))) {
            if (selector(rs).map(s -> s.matches(Metadata.labels(pod))).orElse(false)) {
                queue.add(Informer.key(rs));
            }
        }
    }

    // ---- reconcile ------------------------------------------------------------------------------------------

    @Override
    public Optional<Duration> reconcile(String key) {
        String[] parts = key.split("/", 2);
        Optional<ObjectNode> found = replicaSets.get(parts[0], parts[1]);
        if (found.isEmpty()) {
            expectations.forget(key);
            return Optional.empty();
        }
        ObjectNode rs = found.get();
        // Read before the pods: when satisfied now, every pod it wrote is already in the informer.
        boolean needsSync = expectations.satisfied(key);
        Optional<LabelSelector> selector = selector(rs);
        if (selector.isEmpty()) {
            log.warn("ReplicaSet {} has no usable selector; its pods are left alone", key);
            return Optional.empty();
        }
        List<JsonNode> owned = claimPods(rs, selector.get());
        Optional<SyncFailure> failure = Optional.empty();
        if (needsSync && !Metadata.isBeingDeleted(rs)) {
            failure = manageReplicas(key, rs, owned);
        }
        ObjectNode status = ReplicaSetStatuses.of(rs, owned, failure, clock.instant());
        if (!status.equals(rs.path("status"))) {
            ObjectNode next = rs.deepCopy();
            next.set("status", status);
            ((ObjectNode) next.get("metadata")).remove("resourceVersion");
            try {
                store.updateStatus(ResourceKind.REPLICASET, next, WriteOptions.NONE);
            } catch (StatusException e) {
                if (e.code() != 404) {
                    throw e;
                }
            }
        }
        int minReadySeconds = rs.path("spec").path("minReadySeconds").asInt(0);
        if (minReadySeconds > 0 && status.path("readyReplicas").asInt() != status.path("availableReplicas").asInt()) {
            return Optional.of(Duration.ofSeconds(minReadySeconds));
        }
        return Optional.empty();
    }

    private Optional<SyncFailure> manageReplicas(String key, ObjectNode rs, List<JsonNode> active) {
        int desired = rs.path("spec").path("replicas").asInt(1);
        int diff = active.size() - desired;
        if (diff < 0) {
            return podWrites.create(key, rs, Math.min(-diff, BURST_REPLICAS));
        }
        if (diff > 0) {
            List<JsonNode> victims = active.stream().sorted(ActivePods.LEAST_VALUABLE_FIRST)
                    .limit(Math.min(diff, BURST_REPLICAS)).toList();
            return podWrites.delete(key, rs, victims);
        }
        return Optional.empty();
    }

    /**
     * Its active pods: those it controls that still match (releasing those that do not) and matching orphans,
     * which it adopts, as Kubernetes' ControllerRefManager. Pods being deleted or finished are neither adopted nor
     * released.
     */
    private List<JsonNode> claimPods(ObjectNode rs, LabelSelector selector) {
        String namespace = Metadata.namespace(rs);
        String uid = Metadata.uid(rs);
        List<JsonNode> claimed = new ArrayList<>();
        Boolean mayAdopt = null;
        for (ObjectNode pod : pods.list(p -> Metadata.namespace(p).equals(namespace) && ActivePods.isActive(p))) {
            boolean matches = selector.matches(Metadata.labels(pod));
            Optional<Reference> controller = OwnerReferences.controllerOf(pod);
            if (controller.isPresent()) {
                if (!controller.get().uid().equals(uid)) {
                    continue;
                }
                if (matches) {
                    claimed.add(pod);
                } else if (!Metadata.isBeingDeleted(rs)) {
                    write(OwnerReferences.withoutOwners(pod, Set.of(uid)));
                }
            } else if (matches && !Metadata.isBeingDeleted(rs)) {
                if (mayAdopt == null) {
                    mayAdopt = stillPresentAndNotDeleted(rs);
                }
                if (mayAdopt) {
                    write(OwnerReferences.withReference(pod,
                            OwnerReferences.controllerReference(ResourceKind.REPLICASET, rs))).ifPresent(claimed::add);
                }
            }
        }
        return claimed;
    }

    /**
     * Adopting needs the ReplicaSet as the store has it now, not as the informer had it: one deleted meanwhile
     * must not take pods (Kubernetes' RecheckDeletionTimestamp).
     */
    private boolean stillPresentAndNotDeleted(ObjectNode rs) {
        try {
            ObjectNode fresh = store.get(ResourceKind.REPLICASET, Metadata.namespace(rs), Metadata.name(rs));
            return Metadata.uid(fresh).equals(Metadata.uid(rs)) && !Metadata.isBeingDeleted(fresh);
        } catch (StatusException e) {
            if (e.code() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Writes the pod as changed, against the version read; empty when the pod is gone. A conflict is retried. */
    private Optional<JsonNode> write(ObjectNode changed) {
        try {
            return Optional.of(store.update(ResourceKind.POD, changed, WriteOptions.NONE));
        } catch (StatusException e) {
            if (e.code() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Optional<LabelSelector> selector(ObjectNode rs) {
        JsonNode spec = rs.path("spec").get("selector");
        if (spec == null || !spec.isObject()) {
            return Optional.empty();
        }
        try {
            LabelSelector selector = LabelSelector.fromSpec(
                    Json.MAPPER.treeToValue(spec, io.kubelite.model.meta.LabelSelector.class));
            // An empty selector would take every pod of the namespace; Kubernetes rejects it for ReplicaSets.
            return selector.requirements().isEmpty() ? Optional.empty() : Optional.of(selector);
        } catch (StatusException | JacksonException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }
}
