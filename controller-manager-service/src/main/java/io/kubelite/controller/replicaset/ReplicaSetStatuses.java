package io.kubelite.controller.replicaset;

import io.kubelite.controller.owner.Metadata;
import io.kubelite.model.Json;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A ReplicaSet's status computed from its active pods, as Kubernetes' calculateStatus. */
final class ReplicaSetStatuses {

    static final String REPLICA_FAILURE = "ReplicaFailure";

    private ReplicaSetStatuses() { }

    /**
     * @param pods    its active pods
     * @param failure why creating or deleting pods failed in this sync, if it did: the ReplicaFailure condition
     */
    static ObjectNode of(ObjectNode replicaSet, List<JsonNode> pods, Optional<SyncFailure> failure, Instant now) {
        Map<String, String> templateLabels = Metadata.labels(replicaSet.path("spec").path("template"));
        int minReadySeconds = replicaSet.path("spec").path("minReadySeconds").asInt(0);
        int fullyLabeled = 0;
        int ready = 0;
        int available = 0;
        for (JsonNode pod : pods) {
            if (Metadata.labels(pod).entrySet().containsAll(templateLabels.entrySet())) {
                fullyLabeled++;
            }
            if (ActivePods.isReady(pod)) {
                ready++;
            }
            if (ActivePods.isAvailable(pod, minReadySeconds, now)) {
                available++;
            }
        }
        ObjectNode status = Json.MAPPER.createObjectNode();
        status.put("replicas", pods.size());
        status.put("fullyLabeledReplicas", fullyLabeled);
        status.put("readyReplicas", ready);
        status.put("availableReplicas", available);
        long generation = Metadata.generation(replicaSet);
        // As JSON reads it back (an int when it fits), so that an unchanged status compares equal and is not rewritten.
        if (generation == (int) generation) {
            status.put("observedGeneration", (int) generation);
        } else {
            status.put("observedGeneration", generation);
        }
        ArrayNode conditions = conditions(replicaSet.path("status").path("conditions"), failure, now);
        if (!conditions.isEmpty()) {
            status.set("conditions", conditions);
        }
        return status;
    }

    /**
     * The conditions with ReplicaFailure set while creating or deleting fails (kept as first reported, as
     * Kubernetes keeps it) and removed once a sync succeeds.
     */
    private static ArrayNode conditions(JsonNode current, Optional<SyncFailure> failure, Instant now) {
        ArrayNode conditions = Json.MAPPER.createArrayNode();
        boolean hasFailure = false;
        for (JsonNode condition : current) {
            boolean isFailure = REPLICA_FAILURE.equals(condition.path("type").asString(""));
            if (isFailure && failure.isEmpty()) {
                continue;
            }
            hasFailure |= isFailure;
            conditions.add(condition.deepCopy());
        }
        if (failure.isPresent() && !hasFailure) {
            ObjectNode condition = conditions.addObject();
            condition.put("type", REPLICA_FAILURE);
            condition.put("status", "True");
            condition.put("lastTransitionTime",
                    DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
            condition.put("reason", failure.get().reason());
            condition.put("message", failure.get().message());
        }
        return conditions;
    }
}
