package io.kubelite.model.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Kubernetes' {@code metadata}: identity, versioning, labels and ownership of an object. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectMeta(String name, String generateName, String namespace, String uid, String resourceVersion,
                         Long generation, Instant creationTimestamp, Instant deletionTimestamp,
                         Long deletionGracePeriodSeconds, Map<String, String> labels, Map<String, String> annotations,
                         List<OwnerReference> ownerReferences, List<String> finalizers) {

    /** A cluster-scoped object's metadata. */
    public static ObjectMeta named(String name) {
        return new ObjectMeta(name, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A namespaced object's metadata. */
    public static ObjectMeta named(String namespace, String name) {
        return named(name).withNamespace(namespace);
    }

    public ObjectMeta withName(String name) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withNamespace(String namespace) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withGenerateName(String generateName) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withUid(String uid) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withResourceVersion(String resourceVersion) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withGeneration(Long generation) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withCreationTimestamp(Instant creationTimestamp) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    /** Marks the object as being deleted, with the grace period its deletion allows. */
    public ObjectMeta withDeletion(Instant deletionTimestamp, Long deletionGracePeriodSeconds) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withLabels(Map<String, String> labels) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withAnnotations(Map<String, String> annotations) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withOwnerReferences(List<OwnerReference> ownerReferences) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    public ObjectMeta withFinalizers(List<String> finalizers) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
    }

    /** The labels, or an empty map when there are none. */
    public Map<String, String> labelsOrEmpty() {
        return labels == null ? Map.of() : labels;
    }

    /** The owner reference marked as controller, if any. */
    public OwnerReference controllerReference() {
        if (ownerReferences == null) {
            return null;
        }
        return ownerReferences.stream().filter(r -> Boolean.TRUE.equals(r.controller())).findFirst().orElse(null);
    }
}
