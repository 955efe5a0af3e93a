package io.kubelite.controller.deployment;

import io.kubelite.controller.Controller;
import io.kubelite.controller.event.EventRecorder;
import io.kubelite.controller.informer.Informer;
import io.kubelite.controller.informer.Informers;
import io.kubelite.controller.queue.WorkQueue;
import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.model.apps.Deployment;
import io.kubelite.model.selector.LabelSelector;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The deployment controller: keeps one ReplicaSet per pod template of each Deployment (adopting matching orphans
 * and releasing those that stop matching), rolls a new template out by its strategy, scales, keeps the revision
 * history and reports the status. It writes ReplicaSets only; their pods are the ReplicaSet controller's.
 */
public final class DeploymentController implements Controller {

    private static final Duration UNSYNCED_RETRY = Duration.ofSeconds(1);
    /**
     * A conflict means a write was based on a copy the informers had not yet brought up to date (or lost a race):
     * expected, so the key is looked at again shortly, quietly, once the watch has caught up.
     */
    private static final Duration CONFLICT_RETRY = Duration.ofMillis(100);

    private final Informer deployments;
    private final Informer replicaSets;
    private final Informer pods;
    private final ObjectStore store;
    private final EventRecorder events;
    private final Clock clock;

    public DeploymentController(Informers informers, ObjectStore store, EventRecorder events, Clock clock) {
        this.deployments = informers.of(ResourceKind.DEPLOYMENT);
        this.replicaSets = informers.of(ResourceKind.REPLICASET);
        this.pods = informers.of(ResourceKind.POD);
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "deployment";
    }

    @Override
    public void watch(WorkQueue queue) {
        deployments.addHandler((before, after) -> queue.add(Informer.key(after != null ? after : before)));
        replicaSets.addHandler((before, after) -> Stream.of(before, after).filter(Objects::nonNull)
                .flatMap(this::deploymentsOf).distinct().forEach(queue::add));
        pods.addHandler((before, after) -> Stream.of(before, after).filter(Objects::nonNull)
                .map(this::deploymentOfPod).flatMap(Optional::stream).distinct().forEach(queue::add));
    }

    @Override
    public Collection<String> allKeys() {
        return deployments.list().stream().map(Informer::key).toList();
    }

    @Override
    public Optional<Duration> reconcile(String key) {
        if (!deployments.hasSynced() || !replicaSets.hasSynced() || !pods.hasSynced()) {
            return Optional.of(UNSYNCED_RETRY);
        }
        int slash = key.indexOf('/');
        Optional<ObjectNode> object = deployments.get(key.substring(0, slash), key.substring(slash + 1));
        if (object.isEmpty()) {
            return Optional.empty();
        }
        Deployment deployment = Json.MAPPER.treeToValue(object.get(), Deployment.class);
        if (deployment.spec().selector() == null) {
            return Optional.empty();
        }
        LabelSelector selector = LabelSelector.fromSpec(deployment.spec().selector());
        if (selector.isEmpty()) {
            events.warning(ResourceKind.DEPLOYMENT, object.get(), "SelectingAll",
                    "This deployment is selecting all pods. A non-empty selector is required.");
            return Optional.empty();
        }
        Instant now = clock.instant();
        try {
            Rollout rollout = new Rollout(store, events, now, object.get(), owned(deployment, selector, now));
            return sync(rollout).map(after -> earliest(after, availabilityCheck(rollout)))
                    .or(() -> availabilityCheck(rollout));
        } catch (StatusException e) {
            if (e.code() == 409) {
                return Optional.of(CONFLICT_RETRY);
            }
            throw e;
        }
    }

    private Optional<Duration> sync(Rollout rollout) {
        if (rollout.deployment().metadata().deletionTimestamp() != null) {
            rollout.syncRevision(false);
            return StatusSync.sync(rollout, false);
        }
        StatusSync.notePause(rollout);
        if (rollout.paused() || Scaling.isScalingEvent(rollout)) {
            rollout.syncRevision(false);
            Scaling.scale(rollout);
            if (rollout.paused()) {
                RevisionHistory.cleanUp(rollout);
            }
            return StatusSync.sync(rollout, false);
        }
        boolean moved = Fenceposts.isRollingUpdate(rollout.deployment().spec())
                ? RollingUpdate.step(rollout) : Recreate.step(rollout);
        if (!moved && StatusSync.storedStatusComplete(rollout)) {
            RevisionHistory.cleanUp(rollout);
        }
        return StatusSync.sync(rollout, true);
    }

    /** When a ready pod of this deployment has been ready for minReadySeconds, so counts as available. */
    private Optional<Duration> availabilityCheck(Rollout rollout) {
        return rollout.all().stream().map(rs -> rs.pods().nextAvailable()).filter(Objects::nonNull)
                .min(Instant::compareTo)
                .map(at -> Duration.between(rollout.now(), at).plusMillis(100));
    }

    private static Duration earliest(Duration a, Optional<Duration> b) {
        return b.filter(other -> other.compareTo(a) < 0).orElse(a);
    }

    /**
     * The ReplicaSets the deployment controls, with their pods: those it controls that still match its selector,
     * and matching orphans, which it adopts; those that no longer match are released.
     */
    private List<OwnedReplicaSet> owned(Deployment deployment, LabelSelector selector, Instant now) {
        String namespace = deployment.metadata().namespace();
        String uid = deployment.metadata().uid();
        boolean deleting = deployment.metadata().deletionTimestamp() != null;
        List<ObjectNode> claimed = new ArrayList<>();
        for (ObjectNode rs : replicaSets.list(rs -> namespace.equals(namespaceOf(rs)))) {
            JsonNode controller = Rollout.controllerOf(rs);
            boolean matches = selector.matches(labelsOf(rs));
            if (controller != null) {
                if (!uid.equals(controller.path("uid").asString(""))) {
                    continue;
                }
                if (matches) {
                    claimed.add(rs);
                } else if (!deleting) {
                    release(rs, uid);
                }
            } else if (matches && !deleting && rs.path("metadata").path("deletionTimestamp").isMissingNode()) {
                adopt(deployment, rs).ifPresent(claimed::add);
            }
        }
        Map<String, List<ObjectNode>> podsByOwner = new HashMap<>();
        claimed.forEach(rs -> podsByOwner.put(rs.path("metadata").path("uid").asString(""), new ArrayList<>()));
        for (ObjectNode pod : pods.list(pod -> namespace.equals(namespaceOf(pod)))) {
            JsonNode controller = Rollout.controllerOf(pod);
            if (controller != null) {
                List<ObjectNode> owned = podsByOwner.get(controller.path("uid").asString(""));
                if (owned != null) {
                    owned.add(pod);
                }
            }
        }
        int minReadySeconds = deployment.spec().minReadySeconds() == null ? 0 : deployment.spec().minReadySeconds();
        return claimed.stream().map(rs -> new OwnedReplicaSet(rs, PodCounts.of(
                podsByOwner.get(rs.path("metadata").path("uid").asString("")), minReadySeconds, now))).toList();
    }

    /** Adopts an orphan, once the store confirms the deployment is still the same one and not being deleted. */
    private Optional<ObjectNode> adopt(Deployment deployment, ObjectNode rs) {
        ObjectNode fresh;
        try {
            fresh = store.get(ResourceKind.DEPLOYMENT, deployment.metadata().namespace(), deployment.metadata().name());
        } catch (StatusException e) {
            if (e.code() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        if (!deployment.metadata().uid().equals(fresh.path("metadata").path("uid").asString(""))
                || !fresh.path("metadata").path("deletionTimestamp").isMissingNode()) {
            return Optional.empty();
        }
        ObjectNode changed = rs.deepCopy();
        ObjectNode metadata = (ObjectNode) changed.get("metadata");
        ArrayNode references = metadata.get("ownerReferences") instanceof ArrayNode existing
                ? existing : metadata.putArray("ownerReferences");
        references.add(Rollout.controllerReference(deployment));
        return Optional.of(store.update(ResourceKind.REPLICASET, changed, WriteOptions.NONE));
    }

    private void release(ObjectNode rs, String uid) {
        ObjectNode changed = rs.deepCopy();
        ArrayNode references = (ArrayNode) changed.path("metadata").path("ownerReferences");
        for (int i = references.size() - 1; i >= 0; i--) {
            if (uid.equals(references.get(i).path("uid").asString(""))) {
                references.remove(i);
            }
        }
        try {
            store.update(ResourceKind.REPLICASET, changed, WriteOptions.NONE);
        } catch (StatusException e) {
            if (e.code() != 404) {
                throw e;
            }
        }
    }

    /** The deployment controlling a ReplicaSet, or for an orphan every deployment that selects it. */
    private Stream<String> deploymentsOf(ObjectNode rs) {
        String namespace = namespaceOf(rs);
        JsonNode controller = Rollout.controllerOf(rs);
        if (controller != null) {
            return ResourceKind.DEPLOYMENT.kind().equals(controller.path("kind").asString(""))
                    ? Stream.of(Informer.key(namespace, controller.path("name").asString(""))) : Stream.empty();
        }
        Map<String, String> labels = labelsOf(rs);
        return deployments.list(d -> namespace.equals(namespaceOf(d)) && selects(d, labels)).stream()
                .map(Informer::key);
    }

    private Optional<String> deploymentOfPod(ObjectNode pod) {
        JsonNode controller = Rollout.controllerOf(pod);
        if (controller == null || !ResourceKind.REPLICASET.kind().equals(controller.path("kind").asString(""))) {
            return Optional.empty();
        }
        return replicaSets.get(namespaceOf(pod), controller.path("name").asString(""))
                .map(Rollout::controllerOf)
                .filter(owner -> ResourceKind.DEPLOYMENT.kind().equals(owner.path("kind").asString("")))
                .map(owner -> Informer.key(namespaceOf(pod), owner.path("name").asString("")));
    }

    private static boolean selects(ObjectNode deployment, Map<String, String> labels) {
        JsonNode selector = deployment.path("spec").path("selector");
        if (!(selector instanceof ObjectNode)) {
            return false;
        }
        LabelSelector parsed = LabelSelector.fromSpec(
                Json.MAPPER.treeToValue(selector, io.kubelite.model.meta.LabelSelector.class));
        return !parsed.isEmpty() && parsed.matches(labels);
    }

    private static String namespaceOf(JsonNode object) {
        return object.path("metadata").path("namespace").asString("");
    }

    private static Map<String, String> labelsOf(JsonNode object) {
        Map<String, String> labels = new HashMap<>();
        object.path("metadata").path("labels").properties()
                .forEach(label -> labels.put(label.getKey(), label.getValue().asString("")));
        return labels;
    }
}
