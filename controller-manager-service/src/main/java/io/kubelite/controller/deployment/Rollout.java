package io.kubelite.controller.deployment;

import io.kubelite.controller.event.EventRecorder;
import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.model.apps.Deployment;
import io.kubelite.model.apps.DeploymentStatus;
import io.kubelite.model.meta.OwnerReference;
import io.kubelite.store.DeleteOptions;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One reconcile of one Deployment: the deployment, its new ReplicaSet (the one whose template is the deployment's)
 * and old ones, the status being worked out, and the writes that scale, create and delete ReplicaSets. The steps of
 * each strategy run on it in turn.
 */
final class Rollout {

    private final ObjectStore store;
    private final EventRecorder events;
    private final Instant now;
    private ObjectNode object;
    private final Deployment deployment;
    private OwnedReplicaSet newReplicaSet;
    private final List<OwnedReplicaSet> oldReplicaSets = new ArrayList<>();
    private final DeploymentConditions conditions;
    private Integer collisionCount;

    Rollout(ObjectStore store, EventRecorder events, Instant now, ObjectNode object, List<OwnedReplicaSet> owned) {
        this.store = store;
        this.events = events;
        this.now = now;
        this.object = object;
        this.deployment = Json.MAPPER.treeToValue(object, Deployment.class);
        DeploymentStatus status = deployment.status();
        this.conditions = new DeploymentConditions(status == null ? null : status.conditions());
        this.collisionCount = status == null ? null : status.collisionCount();
        JsonNode template = object.path("spec").path("template");
        // Several with the deployment's template (made by an older controller): the oldest is the new one.
        owned.stream().sorted(OwnedReplicaSet.OLDEST_FIRST).forEach(rs -> {
            if (newReplicaSet == null && rs.templateWithoutHash().equals(template)) {
                newReplicaSet = rs;
            } else {
                oldReplicaSets.add(rs);
            }
        });
    }

    Instant now() {
        return now;
    }

    ObjectNode object() {
        return object;
    }

    Deployment deployment() {
        return deployment;
    }

    String name() {
        return deployment.metadata().name();
    }

    int replicas() {
        return Fenceposts.replicas(deployment.spec());
    }

    Fenceposts fenceposts() {
        return Fenceposts.of(deployment.spec());
    }

    boolean paused() {
        return Boolean.TRUE.equals(deployment.spec().paused());
    }

    int minReadySeconds() {
        Integer seconds = deployment.spec().minReadySeconds();
        return seconds == null ? 0 : seconds;
    }

    Integer progressDeadlineSeconds() {
        return deployment.spec().progressDeadlineSeconds();
    }

    DeploymentConditions conditions() {
        return conditions;
    }

    Integer collisionCount() {
        return collisionCount;
    }

    /** The new ReplicaSet, or null while it does not exist. */
    OwnedReplicaSet newReplicaSet() {
        return newReplicaSet;
    }

    List<OwnedReplicaSet> oldReplicaSets() {
        return oldReplicaSets;
    }

    List<OwnedReplicaSet> all() {
        return Stream.concat(oldReplicaSets.stream(), Stream.ofNullable(newReplicaSet)).toList();
    }

    /** The ReplicaSets (new and old) with a scale above 0. */
    List<OwnedReplicaSet> active() {
        return all().stream().filter(rs -> rs.replicas() > 0).toList();
    }

    List<OwnedReplicaSet> activeOld() {
        return oldReplicaSets.stream().filter(rs -> rs.replicas() > 0).toList();
    }

    static int sum(List<OwnedReplicaSet> replicaSets, ToIntFunction<OwnedReplicaSet> count) {
        return replicaSets.stream().mapToInt(count).sum();
    }

    /**
     * Sets a ReplicaSet's scale and its desired-replicas / max-replicas annotations (proportional scaling reads
     * them) when either differs, with a ScalingReplicaSet event for a new scale.
     *
     * @return whether the scale changed
     */
    boolean scale(OwnedReplicaSet rs, int newScale) {
        int oldScale = rs.replicas();
        int maxReplicas = replicas() + fenceposts().maxSurge();
        if (oldScale == newScale && rs.desiredReplicas() == replicas() && rs.maxReplicas() == maxReplicas) {
            return false;
        }
        ObjectNode changed = rs.object().deepCopy();
        ((ObjectNode) changed.get("spec")).put("replicas", newScale);
        ObjectNode annotations = annotations(changed);
        annotations.put(OwnedReplicaSet.DESIRED_REPLICAS, Integer.toString(replicas()));
        annotations.put(OwnedReplicaSet.MAX_REPLICAS, Integer.toString(maxReplicas));
        rs.written(store.update(ResourceKind.REPLICASET, changed, WriteOptions.NONE));
        if (oldScale == newScale) {
            return false;
        }
        events.normal(ResourceKind.DEPLOYMENT, object, "ScalingReplicaSet", "Scaled "
                + (newScale > oldScale ? "up" : "down") + " replica set " + rs.name() + " to " + newScale);
        return true;
    }

    void delete(OwnedReplicaSet rs) {
        try {
            store.delete(ResourceKind.REPLICASET, deployment.metadata().namespace(), rs.name(),
                    new DeleteOptions(rs.uid(), rs.object().path("metadata").path("resourceVersion").asString(null),
                            null, false, null));
        } catch (StatusException e) {
            if (e.code() != 404) {
                throw e;
            }
        }
        oldReplicaSets.remove(rs);
    }

    /**
     * Brings the new ReplicaSet's revision up to date (one past the newest old one: a template that comes back,
     * as after a rollback, takes the next revision), or creates it when {@code create} is set and there is none,
     * and records the revision on the deployment.
     */
    void syncRevision(boolean create) {
        long revision = oldReplicaSets.stream().mapToLong(OwnedReplicaSet::revision).max().orElse(0) + 1;
        if (newReplicaSet != null) {
            long current = newReplicaSet.revision();
            boolean minReadyChanged = newReplicaSet.object().path("spec").path("minReadySeconds").asInt(0)
                    != minReadySeconds();
            if (current < revision || minReadyChanged) {
                ObjectNode changed = newReplicaSet.object().deepCopy();
                if (current < revision) {
                    setRevision(annotations(changed), current, revision);
                }
                ((ObjectNode) changed.get("spec")).put("minReadySeconds", minReadySeconds());
                newReplicaSet.written(store.update(ResourceKind.REPLICASET, changed, WriteOptions.NONE));
            }
            if (conditions.get(DeploymentConditions.PROGRESSING) == null && progressDeadlineSeconds() != null) {
                conditions.set(DeploymentConditions.PROGRESSING, "True", DeploymentConditions.FOUND_NEW_RS,
                        "Found new replica set \"" + newReplicaSet.name() + "\"", now);
            }
        } else if (create) {
            newReplicaSet = createNewReplicaSet(revision);
        }
        if (newReplicaSet != null) {
            recordRevision(Long.toString(newReplicaSet.revision()));
        }
    }

    private OwnedReplicaSet createNewReplicaSet(long revision) {
        String hash = TemplateHash.of(object.path("spec").path("template"), collisionCount);
        String name = name() + "-" + hash;
        ObjectNode rs = Json.MAPPER.createObjectNode();
        rs.put("apiVersion", ResourceKind.REPLICASET.apiVersion());
        rs.put("kind", ResourceKind.REPLICASET.kind());
        ObjectNode template = (ObjectNode) object.get("spec").get("template").deepCopy();
        ObjectNode templateMetadata = child(template, "metadata");
        child(templateMetadata, "labels").put(OwnedReplicaSet.POD_TEMPLATE_HASH, hash);
        ObjectNode metadata = rs.putObject("metadata");
        metadata.put("name", name);
        metadata.put("namespace", deployment.metadata().namespace());
        metadata.set("labels", templateMetadata.get("labels").deepCopy());
        ObjectNode annotations = metadata.putObject("annotations");
        copyUserAnnotations(annotations);
        annotations.put(OwnedReplicaSet.REVISION, Long.toString(revision));
        metadata.putArray("ownerReferences").add(controllerReference(deployment));
        ObjectNode spec = rs.putObject("spec");
        ObjectNode selector = (ObjectNode) object.get("spec").get("selector").deepCopy();
        child(selector, "matchLabels").put(OwnedReplicaSet.POD_TEMPLATE_HASH, hash);
        spec.set("selector", selector);
        spec.put("minReadySeconds", minReadySeconds());
        spec.set("template", template);
        int scale = initialScale();
        spec.put("replicas", scale);
        annotations.put(OwnedReplicaSet.DESIRED_REPLICAS, Integer.toString(replicas()));
        annotations.put(OwnedReplicaSet.MAX_REPLICAS, Integer.toString(replicas() + fenceposts().maxSurge()));
        ObjectNode created;
        try {
            created = store.create(ResourceKind.REPLICASET, rs, WriteOptions.NONE);
        } catch (StatusException e) {
            if (!"AlreadyExists".equals(e.reason())) {
                throw e;
            }
            return existingOrCollision(name, e);
        }
        if (scale > 0) {
            events.normal(ResourceKind.DEPLOYMENT, object, "ScalingReplicaSet",
                    "Scaled up replica set " + name + " to " + scale);
        }
        if (progressDeadlineSeconds() != null) {
            conditions.set(DeploymentConditions.PROGRESSING, "True", DeploymentConditions.NEW_RS_CREATED,
                    "Created new replica set \"" + name + "\"", now);
        }
        return new OwnedReplicaSet(created, PodCounts.NONE);
    }

    /**
     * The ReplicaSet of that name already exists: it is ours when this deployment controls it with the same
     * template (created by an earlier reconcile this one's copy had not seen yet); otherwise two templates hash
     * alike, and the deployment's collisionCount goes up so that the next attempt hashes differently.
     */
    private OwnedReplicaSet existingOrCollision(String name, StatusException alreadyExists) {
        ObjectNode existing = store.get(ResourceKind.REPLICASET, deployment.metadata().namespace(), name);
        JsonNode controller = controllerOf(existing);
        OwnedReplicaSet rs = new OwnedReplicaSet(existing, PodCounts.NONE);
        if (controller != null && deployment.metadata().uid().equals(controller.path("uid").asString(""))
                && rs.templateWithoutHash().equals(object.path("spec").path("template"))) {
            return rs;
        }
        collisionCount = collisionCount == null ? 1 : collisionCount + 1;
        DeploymentStatus status = deployment.status() == null
                ? new DeploymentStatus(null, null, null, null, null, null, null, null) : deployment.status();
        writeStatus(new DeploymentStatus(status.observedGeneration(), status.replicas(), status.updatedReplicas(),
                status.readyReplicas(), status.availableReplicas(), status.unavailableReplicas(), status.conditions(),
                collisionCount));
        throw alreadyExists;
    }

    /** The scale a new ReplicaSet starts at: within the surge for a rolling update, all replicas for Recreate. */
    private int initialScale() {
        if (!Fenceposts.isRollingUpdate(deployment.spec())) {
            return replicas();
        }
        return scaleUpTo(0);
    }

    /** How far a new ReplicaSet now at {@code current} may grow, within replicas + maxSurge pods in all. */
    int scaleUpTo(int current) {
        int maxTotal = replicas() + fenceposts().maxSurge();
        int pods = sum(all(), OwnedReplicaSet::podsOrReplicas);
        if (newReplicaSet == null) {
            pods += current;
        }
        if (pods >= maxTotal) {
            return current;
        }
        return current + Math.min(maxTotal - pods, replicas() - current);
    }

    private void setRevision(ObjectNode annotations, long current, long revision) {
        if (current > 0) {
            String history = annotations.path(OwnedReplicaSet.REVISION_HISTORY).asString("");
            annotations.put(OwnedReplicaSet.REVISION_HISTORY,
                    history.isEmpty() ? Long.toString(current) : history + "," + current);
        }
        annotations.put(OwnedReplicaSet.REVISION, Long.toString(revision));
    }

    /** The deployment's own annotations pass to its ReplicaSets, but for those that describe a ReplicaSet. */
    private void copyUserAnnotations(ObjectNode annotations) {
        for (var entry : object.path("metadata").path("annotations").properties()) {
            String key = entry.getKey();
            if (!key.startsWith("deployment.kubernetes.io/")
                    && !key.equals("kubectl.kubernetes.io/last-applied-configuration")) {
                annotations.set(key, entry.getValue());
            }
        }
    }

    /** Writes the revision annotation on the deployment when it differs. */
    private void recordRevision(String revision) {
        if (Objects.equals(object.path("metadata").path("annotations").path(OwnedReplicaSet.REVISION)
                .asString(null), revision)) {
            return;
        }
        ObjectNode changed = object.deepCopy();
        changed.remove("status");
        annotations(changed).put(OwnedReplicaSet.REVISION, revision);
        object = store.update(ResourceKind.DEPLOYMENT, changed, WriteOptions.NONE);
    }

    /** Writes the status when it differs from the stored one. */
    void writeStatus(DeploymentStatus status) {
        if (status.equals(deployment.status())) {
            return;
        }
        ObjectNode changed = object.deepCopy();
        changed.set("status", Json.MAPPER.valueToTree(status));
        object = store.updateStatus(ResourceKind.DEPLOYMENT, changed, WriteOptions.NONE);
    }

    /** The owner reference that makes a ReplicaSet this deployment's: controller and blocking its deletion. */
    static ObjectNode controllerReference(Deployment deployment) {
        return Json.MAPPER.valueToTree(OwnerReference.controlledBy(deployment));
    }

    static JsonNode controllerOf(JsonNode object) {
        for (JsonNode reference : object.path("metadata").path("ownerReferences").values()) {
            if (reference.path("controller").asBoolean(false)) {
                return reference;
            }
        }
        return null;
    }

    private static ObjectNode annotations(ObjectNode object) {
        return child(child(object, "metadata"), "annotations");
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode child ? child : parent.putObject(name);
    }
}
