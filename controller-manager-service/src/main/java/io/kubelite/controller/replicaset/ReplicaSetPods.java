package io.kubelite.controller.replicaset;

import io.kubelite.controller.event.EventRecorder;
import io.kubelite.controller.owner.Metadata;
import io.kubelite.controller.owner.OwnerReferences;
import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.store.DeleteOptions;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates and deletes a ReplicaSet's pods, several at once, recording an Event for each, and keeps its
 * {@link Expectations} in step with what was actually written.
 */
final class ReplicaSetPods {

    private final ObjectStore store;
    private final EventRecorder events;
    private final Expectations expectations;
    private final ExecutorService writers;

    ReplicaSetPods(ObjectStore store, EventRecorder events, Expectations expectations, ExecutorService writers) {
        this.store = store;
        this.events = events;
        this.expectations = expectations;
        this.writers = writers;
    }

    /**
     * Creates {@code count} pods from the template in batches of 1, 2, 4, ... (Kubernetes' slow start): a batch
     * with a failure ends it, so a ReplicaSet that cannot create pods (a missing namespace, a bad template) tries
     * once rather than {@code count} times.
     *
     * @return the first failure, if any
     */
    Optional<SyncFailure> create(String key, ObjectNode replicaSet, int count) {
        expectations.expectCreations(key, count);
        int remaining = count;
        for (int batch = 1; remaining > 0; batch *= 2) {
            int size = Math.min(batch, remaining);
            remaining -= size;
            List<CompletableFuture<SyncFailure>> writes = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                writes.add(run(() -> createOne(key, replicaSet)));
            }
            Optional<SyncFailure> failure = firstFailure(writes);
            if (failure.isPresent()) {
                for (int skipped = 0; skipped < remaining; skipped++) {
                    expectations.creationObserved(key);
                }
                return failure;
            }
        }
        return Optional.empty();
    }

    private SyncFailure createOne(String key, ObjectNode replicaSet) {
        try {
            ObjectNode created = store.create(ResourceKind.POD, podFrom(replicaSet), WriteOptions.NONE);
            events.normal(ResourceKind.REPLICASET, replicaSet, "SuccessfulCreate", "Created pod: " + Metadata.name(created));
            return null;
        } catch (RuntimeException e) {
            expectations.creationObserved(key);
            String message = "Error creating: " + e.getMessage();
            events.warning(ResourceKind.REPLICASET, replicaSet, "FailedCreate", message);
            return new SyncFailure("FailedCreate", message);
        }
    }

    /** The pod the template describes, named {@code <replicaset>-<random>} and controlled by the ReplicaSet. */
    static ObjectNode podFrom(ObjectNode replicaSet) {
        JsonNode template = replicaSet.path("spec").path("template");
        ObjectNode pod = Json.MAPPER.createObjectNode();
        pod.put("apiVersion", ResourceKind.POD.apiVersion());
        pod.put("kind", ResourceKind.POD.kind());
        ObjectNode metadata = pod.putObject("metadata");
        metadata.put("generateName", Metadata.name(replicaSet) + "-");
        metadata.put("namespace", Metadata.namespace(replicaSet));
        for (String field : List.of("labels", "annotations", "finalizers")) {
            JsonNode value = template.path("metadata").get(field);
            if (value != null && !value.isNull()) {
                metadata.set(field, value.deepCopy());
            }
        }
        metadata.putArray("ownerReferences").add(OwnerReferences.controllerReference(ResourceKind.REPLICASET, replicaSet));
        pod.set("spec", template.path("spec").isObject() ? template.get("spec").deepCopy() : pod.objectNode());
        return pod;
    }

    /**
     * Deletes the pods all at once (each with its uid as precondition, so a pod replaced under the same name is
     * left alone).
     *
     * @return the first failure, if any
     */
    Optional<SyncFailure> delete(String key, ObjectNode replicaSet, List<JsonNode> pods) {
        expectations.expectDeletions(key, pods.stream().map(Metadata::uid).toList());
        List<CompletableFuture<SyncFailure>> writes = new ArrayList<>();
        for (JsonNode pod : pods) {
            writes.add(run(() -> deleteOne(key, replicaSet, pod)));
        }
        return firstFailure(writes);
    }

    private SyncFailure deleteOne(String key, ObjectNode replicaSet, JsonNode pod) {
        String name = Metadata.name(pod);
        try {
            store.delete(ResourceKind.POD, Metadata.namespace(pod), name,
                    new DeleteOptions(Metadata.uid(pod), null, null, false, null));
            events.normal(ResourceKind.REPLICASET, replicaSet, "SuccessfulDelete", "Deleted pod: " + name);
            return null;
        } catch (RuntimeException e) {
            expectations.deletionObserved(key, Metadata.uid(pod));
            if (e instanceof StatusException status && (status.code() == 404 || status.code() == 409)) {
                return null; // already gone, or replaced by another pod of that name: nothing of ours to delete
            }
            String message = "Error deleting: " + e.getMessage();
            events.warning(ResourceKind.REPLICASET, replicaSet, "FailedDelete", message);
            return new SyncFailure("FailedDelete", message);
        }
    }

    private CompletableFuture<SyncFailure> run(Supplier<SyncFailure> write) {
        return CompletableFuture.supplyAsync(write, writers);
    }

    private static Optional<SyncFailure> firstFailure(List<CompletableFuture<SyncFailure>> writes) {
        return writes.stream().map(CompletableFuture::join).filter(f -> f != null).findFirst();
    }
}
