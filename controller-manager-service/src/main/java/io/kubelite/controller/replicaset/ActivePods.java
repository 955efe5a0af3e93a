package io.kubelite.controller.replicaset;

import io.kubelite.controller.owner.Metadata;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What a ReplicaSet needs to know of its pods: which count (active), which are ready and available, and which
 * are worth least (deleted first when scaling down).
 */
final class ActivePods {

    private ActivePods() { }

    /** Not finished (Succeeded or Failed) and not being deleted: Kubernetes' FilterActivePods. */
    static boolean isActive(JsonNode pod) {
        String phase = phase(pod);
        return !"Succeeded".equals(phase) && !"Failed".equals(phase) && !Metadata.isBeingDeleted(pod);
    }

    static boolean isReady(JsonNode pod) {
        return readyCondition(pod).map(c -> "True".equals(c.path("status").asString(""))).orElse(false);
    }

    /** Ready for at least minReadySeconds (ready at all when it is 0). */
    static boolean isAvailable(JsonNode pod, int minReadySeconds, Instant now) {
        if (!isReady(pod)) {
            return false;
        }
        if (minReadySeconds <= 0) {
            return true;
        }
        return readySince(pod)
                .map(since -> !since.plus(Duration.ofSeconds(minReadySeconds)).isAfter(now))
                .orElse(false);
    }

    /**
     * Least valuable first, as Kubernetes' ActivePods ordering: not yet assigned to a node before assigned;
     * Pending before Unknown before Running; not ready before ready; ready for a shorter time before longer;
     * more container restarts before fewer; newer before older.
     */
    static final Comparator<JsonNode> LEAST_VALUABLE_FIRST = Comparator
            .comparing((JsonNode pod) -> !nodeName(pod).isEmpty())
            .thenComparing(pod -> phaseRank(phase(pod)))
            .thenComparing(ActivePods::isReady)
            .thenComparing(ActivePods::readyTimeIfReady, Comparator.reverseOrder())
            .thenComparing(ActivePods::restarts, Comparator.reverseOrder())
            .thenComparing(ActivePods::creationTime, Comparator.reverseOrder());

    private static int phaseRank(String phase) {
        return switch (phase) {
            case "Pending", "" -> 0;
            case "Unknown" -> 1;
            case "Running" -> 2;
            default -> 3;
        };
    }

    private static String phase(JsonNode pod) {
        return pod.path("status").path("phase").asString("");
    }

    private static String nodeName(JsonNode pod) {
        return pod.path("spec").path("nodeName").asString("");
    }

    private static Optional<JsonNode> readyCondition(JsonNode pod) {
        for (JsonNode condition : pod.path("status").path("conditions")) {
            if ("Ready".equals(condition.path("type").asString(""))) {
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> readySince(JsonNode pod) {
        return readyCondition(pod).flatMap(c -> Metadata.instant(c.get("lastTransitionTime")));
    }

    /** When a ready pod became ready; Instant.MAX (newest) when unknown, and EPOCH for a pod not ready. */
    private static Instant readyTimeIfReady(JsonNode pod) {
        return isReady(pod) ? readySince(pod).orElse(Instant.MAX) : Instant.EPOCH;
    }

    /** The largest restart count of its containers, as Kubernetes compares them. */
    private static int restarts(JsonNode pod) {
        int max = 0;
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            max = Math.max(max, status.path("restartCount").asInt(0));
        }
        return max;
    }

    /** Newer first; a pod without a creation time counts as newest, as in Kubernetes. */
    private static Instant creationTime(JsonNode pod) {
        return Metadata.instant(pod.path("metadata").get("creationTimestamp")).orElse(Instant.MAX);
    }
}
