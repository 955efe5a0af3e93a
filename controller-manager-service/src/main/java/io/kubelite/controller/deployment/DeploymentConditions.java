package io.kubelite.controller.deployment;

import io.kubelite.model.apps.DeploymentCondition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A deployment's conditions, changed as Kubernetes' {@code deploymentutil.SetDeploymentCondition} changes them. */
final class DeploymentConditions {

    static final String AVAILABLE = "Available";
    static final String PROGRESSING = "Progressing";

    static final String NEW_RS_CREATED = "NewReplicaSetCreated";
    static final String FOUND_NEW_RS = "FoundNewReplicaSet";
    static final String RS_UPDATED = "ReplicaSetUpdated";
    static final String NEW_RS_AVAILABLE = "NewReplicaSetAvailable";
    static final String TIMED_OUT = "ProgressDeadlineExceeded";
    static final String PAUSED = "DeploymentPaused";
    static final String RESUMED = "DeploymentResumed";
    static final String MINIMUM_AVAILABLE = "MinimumReplicasAvailable";
    static final String MINIMUM_UNAVAILABLE = "MinimumReplicasUnavailable";

    private final List<DeploymentCondition> conditions;

    DeploymentConditions(List<DeploymentCondition> conditions) {
        this.conditions = conditions == null ? new ArrayList<>() : new ArrayList<>(conditions);
    }

    List<DeploymentCondition> list() {
        return conditions.isEmpty() ? null : List.copyOf(conditions);
    }

    DeploymentCondition get(String type) {
        return conditions.stream().filter(c -> c.type().equals(type)).findFirst().orElse(null);
    }

    /**
     * Sets a condition, stamped now (to the second, as it is stored). The same status and reason changes nothing;
     * the same status keeps its lastTransitionTime.
     */
    void set(String type, String status, String reason, String message, Instant now) {
        Instant time = now.truncatedTo(ChronoUnit.SECONDS);
        DeploymentCondition current = get(type);
        if (current != null && current.status().equals(status) && Objects.equals(current.reason(), reason)) {
            return;
        }
        Instant transition = current != null && current.status().equals(status) ? current.lastTransitionTime() : time;
        replace(new DeploymentCondition(type, status, time, transition, reason, message));
    }

    /** Replaces (or adds) a condition as given. */
    void replace(DeploymentCondition condition) {
        remove(condition.type());
        conditions.add(condition);
    }

    void remove(String type) {
        conditions.removeIf(c -> c.type().equals(type));
    }
}
