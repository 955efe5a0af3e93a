package io.kubelite.controller.deployment;

import io.kubelite.model.apps.DeploymentCondition;
import io.kubelite.model.apps.DeploymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Works out and writes a deployment's status from its ReplicaSets' pods, as Kubernetes' {@code calculateStatus}
 * and {@code syncRolloutStatus}: the counts, {@code Available} (at least replicas - maxUnavailable available pods)
 * and, after a rollout step, {@code Progressing}: true while pods move forward, NewReplicaSetAvailable once
 * complete, false with ProgressDeadlineExceeded when nothing moved for progressDeadlineSeconds.
 */
final class StatusSync {

    private StatusSync() { }

    /** @return when to look again to tell whether the rollout has timed out, if it may */
    static Optional<Duration> sync(Rollout rollout, boolean checkProgress) {
        DeploymentStatus status = calculate(rollout);
        DeploymentConditions conditions = rollout.conditions();
        if (checkProgress) {
            if (rollout.progressDeadlineSeconds() == null) {
                conditions.remove(DeploymentConditions.PROGRESSING);
            } else {
                checkProgress(rollout, status);
            }
            status = withConditions(status, conditions);
        }
        rollout.writeStatus(status);
        return timeoutCheck(rollout, status);
    }

    /**
     * Marks Progressing Unknown with DeploymentPaused while paused and DeploymentResumed once resumed, so that the
     * time spent paused never counts towards the progress deadline; a timed-out rollout keeps its condition.
     */
    static void notePause(Rollout rollout) {
        DeploymentConditions conditions = rollout.conditions();
        DeploymentCondition current = conditions.get(DeploymentConditions.PROGRESSING);
        if (rollout.progressDeadlineSeconds() == null
                || current != null && DeploymentConditions.TIMED_OUT.equals(current.reason())) {
            return;
        }
        boolean markedPaused = current != null && DeploymentConditions.PAUSED.equals(current.reason());
        if (rollout.paused() && !markedPaused) {
            conditions.set(DeploymentConditions.PROGRESSING, "Unknown", DeploymentConditions.PAUSED,
                    "Deployment is paused", rollout.now());
        } else if (!rollout.paused() && markedPaused) {
            conditions.set(DeploymentConditions.PROGRESSING, "Unknown", DeploymentConditions.RESUMED,
                    "Deployment is resumed", rollout.now());
        }
    }

    /** Whether the stored status says the rollout of the current generation is complete. */
    static boolean storedStatusComplete(Rollout rollout) {
        DeploymentStatus status = rollout.deployment().status();
        Long generation = rollout.deployment().metadata().generation();
        int replicas = rollout.replicas();
        return status != null && value(status.updatedReplicas()) == replicas && value(status.replicas()) == replicas
                && value(status.availableReplicas()) == replicas && status.observedGeneration() != null
                && (generation == null || status.observedGeneration() >= generation);
    }

    private static DeploymentStatus calculate(Rollout rollout) {
        int available = Rollout.sum(rollout.all(), rs -> rs.pods().available());
        int scaled = Rollout.sum(rollout.all(), OwnedReplicaSet::replicas);
        OwnedReplicaSet newRs = rollout.newReplicaSet();
        DeploymentConditions conditions = rollout.conditions();
        if (available >= rollout.replicas() - rollout.fenceposts().maxUnavailable()) {
            conditions.set(DeploymentConditions.AVAILABLE, "True", DeploymentConditions.MINIMUM_AVAILABLE,
                    "Deployment has minimum availability.", rollout.now());
        } else {
            conditions.set(DeploymentConditions.AVAILABLE, "False", DeploymentConditions.MINIMUM_UNAVAILABLE,
                    "Deployment does not have minimum availability.", rollout.now());
        }
        return new DeploymentStatus(rollout.deployment().metadata().generation(),
                Rollout.sum(rollout.all(), rs -> rs.pods().active()),
                newRs == null ? 0 : newRs.pods().active(),
                Rollout.sum(rollout.all(), rs -> rs.pods().ready()),
                available,
                Math.max(0, scaled - available),
                conditions.list(),
                rollout.collisionCount());
    }

    private static void checkProgress(Rollout rollout, DeploymentStatus status) {
        DeploymentConditions conditions = rollout.conditions();
        DeploymentCondition current = conditions.get(DeploymentConditions.PROGRESSING);
        boolean alreadyComplete = status.replicas().equals(status.updatedReplicas()) && current != null
                && DeploymentConditions.NEW_RS_AVAILABLE.equals(current.reason());
        if (alreadyComplete) {
            return;
        }
        OwnedReplicaSet newRs = rollout.newReplicaSet();
        String subject = newRs == null ? "Deployment \"" + rollout.name() + "\""
                : "ReplicaSet \"" + newRs.name() + "\"";
        Instant now = rollout.now();
        if (isComplete(rollout, status)) {
            conditions.set(DeploymentConditions.PROGRESSING, "True", DeploymentConditions.NEW_RS_AVAILABLE,
                    subject + " has successfully progressed.", now);
        } else if (madeProgress(rollout.deployment().status(), status)) {
            // Progress renews lastUpdateTime even with the same reason: the deadline counts from the last progress.
            Instant time = now.truncatedTo(ChronoUnit.SECONDS);
            Instant transition = current != null && current.status().equals("True")
                    ? current.lastTransitionTime() : time;
            conditions.replace(new DeploymentCondition(DeploymentConditions.PROGRESSING, "True", time, transition,
                    DeploymentConditions.RS_UPDATED, subject + " is progressing."));
        } else if (timedOut(rollout, current)) {
            conditions.set(DeploymentConditions.PROGRESSING, "False", DeploymentConditions.TIMED_OUT,
                    subject + " has timed out progressing.", now);
        }
    }

    private static boolean isComplete(Rollout rollout, DeploymentStatus status) {
        int replicas = rollout.replicas();
        return status.updatedReplicas() == replicas && status.replicas() == replicas
                && status.availableReplicas() == replicas;
    }

    private static boolean madeProgress(DeploymentStatus before, DeploymentStatus after) {
        if (before == null) {
            return true;
        }
        int oldBefore = value(before.replicas()) - value(before.updatedReplicas());
        int oldAfter = after.replicas() - after.updatedReplicas();
        return after.updatedReplicas() > value(before.updatedReplicas()) || oldAfter < oldBefore
                || after.readyReplicas() > value(before.readyReplicas())
                || after.availableReplicas() > value(before.availableReplicas());
    }

    private static boolean timedOut(Rollout rollout, DeploymentCondition progressing) {
        if (progressing == null || DeploymentConditions.NEW_RS_AVAILABLE.equals(progressing.reason())) {
            return false;
        }
        if (DeploymentConditions.TIMED_OUT.equals(progressing.reason())) {
            return true;
        }
        return deadline(rollout, progressing).isBefore(rollout.now());
    }

    private static Optional<Duration> timeoutCheck(Rollout rollout, DeploymentStatus status) {
        DeploymentCondition progressing = rollout.conditions().get(DeploymentConditions.PROGRESSING);
        if (rollout.progressDeadlineSeconds() == null || progressing == null || rollout.paused()
                || isComplete(rollout, status) || DeploymentConditions.TIMED_OUT.equals(progressing.reason())
                || DeploymentConditions.NEW_RS_AVAILABLE.equals(progressing.reason())) {
            return Optional.empty();
        }
        Duration left = Duration.between(rollout.now(), deadline(rollout, progressing));
        return Optional.of(left.isNegative() ? Duration.ofSeconds(1) : left.plusSeconds(1));
    }

    private static Instant deadline(Rollout rollout, DeploymentCondition progressing) {
        return progressing.lastUpdateTime().plusSeconds(rollout.progressDeadlineSeconds());
    }

    private static DeploymentStatus withConditions(DeploymentStatus status, DeploymentConditions conditions) {
        return new DeploymentStatus(status.observedGeneration(), status.replicas(), status.updatedReplicas(),
                status.readyReplicas(), status.availableReplicas(), status.unavailableReplicas(), conditions.list(),
                status.collisionCount());
    }

    private static int value(Integer count) {
        return count == null ? 0 : count;
    }
}
