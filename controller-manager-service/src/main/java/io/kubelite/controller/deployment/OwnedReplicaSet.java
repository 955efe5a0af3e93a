package io.kubelite.controller.deployment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A ReplicaSet a Deployment controls, with the counts of its pods. {@link #replicas} follows the writes of this
 * reconcile, so that each step sees the scale the steps before it set.
 */
final class OwnedReplicaSet {

    static final String POD_TEMPLATE_HASH = "pod-template-hash";
    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
    static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
    static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

    /** Oldest first; equal times by name, as Kubernetes' {@code ReplicaSetsByCreationTimestamp}. */
    static final Comparator<OwnedReplicaSet> OLDEST_FIRST =
            Comparator.comparing(OwnedReplicaSet::created).thenComparing(OwnedReplicaSet::name);

    private ObjectNode object;
    private final PodCounts pods;

    OwnedReplicaSet(ObjectNode object, PodCounts pods) {
        this.object = object;
        this.pods = pods;
    }

    ObjectNode object() {
        return object;
    }

    /** Replaces the object by what the store returned from a write. */
    void written(ObjectNode object) {
        this.object = object;
    }

    String name() {
        return object.path("metadata").path("name").asString("");
    }

    String uid() {
        return object.path("metadata").path("uid").asString("");
    }

    int replicas() {
        return object.path("spec").path("replicas").asInt(1);
    }

    PodCounts pods() {
        return pods;
    }

    /** The pods it has or is about to have: the larger of its scale and its active pods. */
    int podsOrReplicas() {
        return Math.max(replicas(), pods.active());
    }

    /**
     * The available pods it keeps once its scale is applied: the ReplicaSet controller removes surplus pods
     * least available first, so this is the smaller of the two.
     */
    int availableAfterScaling() {
        return Math.min(pods.available(), replicas());
    }

    long revision() {
        return numberAnnotation(REVISION);
    }

    /** The deployment.kubernetes.io/desired-replicas annotation, or -1 when absent. */
    long desiredReplicas() {
        return object.path("metadata").path("annotations").has(DESIRED_REPLICAS) ? numberAnnotation(DESIRED_REPLICAS)
                : -1;
    }

    /** The deployment.kubernetes.io/max-replicas annotation, or -1 when absent. */
    long maxReplicas() {
        return object.path("metadata").path("annotations").has(MAX_REPLICAS) ? numberAnnotation(MAX_REPLICAS) : -1;
    }

    boolean isDeleting() {
        return !object.path("metadata").path("deletionTimestamp").isMissingNode();
    }

    Instant created() {
        String created = object.path("metadata").path("creationTimestamp").asString("");
        return created.isEmpty() ? Instant.EPOCH : OffsetDateTime.parse(created).toInstant();
    }

    /** Its pod template without the {@code pod-template-hash} label, to compare with a deployment's. */
    JsonNode templateWithoutHash() {
        JsonNode template = object.path("spec").path("template").deepCopy();
        if (template.path("metadata").path("labels") instanceof ObjectNode labels) {
            labels.remove(POD_TEMPLATE_HASH);
        }
        return template;
    }

    private long numberAnnotation(String name) {
        try {
            return Long.parseLong(object.path("metadata").path("annotations").path(name).asString("0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
