package io.kubelite.scheduler.binding;

import io.kubelite.model.Json;
import io.kubelite.model.core.PodCondition;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads and sets the {@code PodScheduled} condition in a pod's JSON, leaving every other field as it is. */
final class PodConditions {

    static final String POD_SCHEDULED = "PodScheduled";
    static final String UNSCHEDULABLE = "Unschedulable";

    private PodConditions() { }

    /** Whether the pod already says it is unschedulable with exactly this message. */
    static boolean saysUnschedulable(ObjectNode pod, String message) {
        JsonNode condition = find(pod);
        return condition != null && "False".equals(condition.path("status").asString())
                && UNSCHEDULABLE.equals(condition.path("reason").asString())
                && message.equals(condition.path("message").asString());
    }

    /** A copy of the pod whose PodScheduled condition is set; the transition time changes only with the status. */
    static ObjectNode withPodScheduled(ObjectNode pod, String status, String reason, String message, Instant now) {
        ObjectNode copy = pod.deepCopy();
        JsonNode old = find(copy);
        Instant transition = old != null && status.equals(old.path("status").asString())
                && old.hasNonNull("lastTransitionTime")
                ? Instant.parse(old.path("lastTransitionTime").asString()) : now;
        ObjectNode condition = Json.MAPPER.valueToTree(
                new PodCondition(POD_SCHEDULED, status, null, transition, reason, message));
        ObjectNode statusNode = copy.get("status") instanceof ObjectNode s ? s : copy.putObject("status");
        ArrayNode conditions = statusNode.get("conditions") instanceof ArrayNode a ? a : statusNode.putArray("conditions");
        for (int i = 0; i < conditions.size(); i++) {
            if (POD_SCHEDULED.equals(conditions.get(i).path("type").asString())) {
                conditions.set(i, condition);
                return copy;
            }
        }
        conditions.add(condition);
        return copy;
    }

    private static JsonNode find(ObjectNode pod) {
        for (JsonNode condition : pod.path("status").path("conditions")) {
            if (POD_SCHEDULED.equals(condition.path("type").asString())) {
                return condition;
            }
        }
        return null;
    }
}
