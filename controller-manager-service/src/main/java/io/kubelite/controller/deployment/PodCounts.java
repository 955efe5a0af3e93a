package io.kubelite.controller.deployment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pods of one ReplicaSet as Kubernetes counts them: {@code existing} ones have not finished (pods being deleted
 * included); {@code active} ones
 * are neither being deleted nor finished; {@code ready} ones have the Ready condition; {@code available} ones have
 * been Ready for at least minReadySeconds (from the condition's lastTransitionTime). {@code nextAvailable} is when
 * the first ready but not yet available pod becomes available, or null.
 */
record PodCounts(int existing, int active, int ready, int available, Instant nextAvailable) {

    static final PodCounts NONE = new PodCounts(0, 0, 0, 0, null);

    static PodCounts of(List<ObjectNode> pods, int minReadySeconds, Instant now) {
        int existing = 0;
        int active = 0;
        int ready = 0;
        int available = 0;
        Instant next = null;
        for (ObjectNode pod : pods) {
            if (!isFinished(pod)) {
                existing++;
            }
            if (!isActive(pod)) {
                continue;
            }
            active++;
            Instant readySince = readySince(pod);
            if (readySince == null) {
                continue;
            }
            ready++;
            Instant availableAt = readySince.plusSeconds(minReadySeconds);
            if (minReadySeconds == 0 || !availableAt.isAfter(now)) {
                available++;
            } else if (next == null || availableAt.isBefore(next)) {
                next = availableAt;
            }
        }
        return new PodCounts(existing, active, ready, available, next);
    }

    static boolean isActive(JsonNode pod) {
        return pod.path("metadata").path("deletionTimestamp").isMissingNode() && !isFinished(pod);
    }

    private static boolean isFinished(JsonNode pod) {
        String phase = pod.path("status").path("phase").asString("");
        return phase.equals("Succeeded") || phase.equals("Failed");
    }

    /** When the pod became Ready, or null when it is not Ready (a Ready pod without a time counts from long ago). */
    private static Instant readySince(JsonNode pod) {
        for (JsonNode condition : pod.path("status").path("conditions").values()) {
            if (condition.path("type").asString("").equals("Ready")) {
                if (!condition.path("status").asString("").equals("True")) {
                    return null;
                }
                String since = condition.path("lastTransitionTime").asString("");
                return since.isEmpty() ? Instant.EPOCH : OffsetDateTime.parse(since).toInstant();
            }
        }
        return null;
    }
}
