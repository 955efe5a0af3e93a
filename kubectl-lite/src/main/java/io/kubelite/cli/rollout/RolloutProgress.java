package io.kubelite.cli.rollout;

import tools.jackson.databind.JsonNode;

/**
 * How far a Deployment's rollout is, read from its status as kubectl's {@code rollout status} reads it: the line to
 * print, and whether the rollout is done or has failed.
 */
public record RolloutProgress(String message, boolean done, boolean failed) {

    public static RolloutProgress of(JsonNode deployment) {
        String name = deployment.path("metadata").path("name").asString("");
        JsonNode status = deployment.path("status");
        long generation = deployment.path("metadata").path("generation").asLong(0);
        if (generation > status.path("observedGeneration").asLong(0)) {
            return waiting("Waiting for deployment spec update to be observed...");
        }
        for (JsonNode condition : status.path("conditions")) {
            if ("Progressing".equals(condition.path("type").asString(""))
                    && "ProgressDeadlineExceeded".equals(condition.path("reason").asString(""))) {
                return new RolloutProgress("deployment \"" + name + "\" exceeded its progress deadline", false, true);
            }
        }
        long wanted = deployment.path("spec").path("replicas").asLong(1);
        long updated = status.path("updatedReplicas").asLong(0);
        long replicas = status.path("replicas").asLong(0);
        long available = status.path("availableReplicas").asLong(0);
        String waiting = "Waiting for deployment \"" + name + "\" rollout to finish: ";
        if (updated < wanted) {
            return waiting(waiting + updated + " out of " + wanted + " new replicas have been updated...");
        }
        if (replicas > updated) {
            return waiting(waiting + (replicas - updated) + " old replicas are pending termination...");
        }
        if (available < updated) {
            return waiting(waiting + available + " of " + updated + " updated replicas are available...");
        }
        return new RolloutProgress("deployment \"" + name + "\" successfully rolled out", true, false);
    }

    private static RolloutProgress waiting(String message) {
        return new RolloutProgress(message, false, false);
    }
}
