package io.kubelite.agent.pod;

import io.kubelite.agent.metrics.AgentMetrics;
import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.model.core.Pod;
import io.kubelite.model.core.PodStatus;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a pod's status when it changed, as a compare-and-swap against the version the agent reconciled. The
 * workers write concurrently, and the store commits concurrent writes in one transaction.
 */
final class StatusWriter {

    /** What became of a write. */
    enum Outcome {
        UNCHANGED, WRITTEN, GONE,
        /** The pod changed since it was read; the fresh version is in the cache, sync again. */
        CONFLICT
    }

    private final ObjectStore store;
    private final PodCache cache;
    private final AgentMetrics metrics;

    StatusWriter(ObjectStore store, PodCache cache, AgentMetrics metrics) {
        this.store = store;
        this.cache = cache;
        this.metrics = metrics;
    }

    Outcome write(Pod pod, PodStatus status) {
        JsonNode wanted = Json.MAPPER.valueToTree(status);
        if (pod.status() != null && wanted.equals(Json.MAPPER.valueToTree(pod.status()))) {
            return Outcome.UNCHANGED;
        }
        ObjectNode object = Json.MAPPER.valueToTree(pod.withStatus(status));
        try {
            ObjectNode written = store.updateStatus(ResourceKind.POD, object, WriteOptions.NONE);
            cache.put(Json.MAPPER.treeToValue(written, Pod.class));
            metrics.statusWritten();
            return Outcome.WRITTEN;
        } catch (StatusException e) {
            if (e.code() == 404) {
                return Outcome.GONE;
            }
            if (e.code() != 409) {
                metrics.statusError();
                throw e;
            }
            metrics.statusConflict();
            return refresh(pod);
        }
    }

    private Outcome refresh(Pod pod) {
        try {
            Pod fresh = Json.MAPPER.treeToValue(
                    store.get(ResourceKind.POD, pod.metadata().namespace(), pod.metadata().name()), Pod.class);
            if (!fresh.metadata().uid().equals(pod.metadata().uid())) {
                return Outcome.GONE;
            }
            cache.put(fresh);
            return Outcome.CONFLICT;
        } catch (StatusException e) {
            if (e.code() == 404) {
                return Outcome.GONE;
            }
            throw e;
        }
    }
}
