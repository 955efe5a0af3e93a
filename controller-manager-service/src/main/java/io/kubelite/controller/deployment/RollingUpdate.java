package io.kubelite.controller.deployment;

import java.util.List;

/**
 * One step of a rolling update, as Kubernetes' {@code rolloutRolling}: grow the new ReplicaSet while all pods stay
 * within replicas + maxSurge; otherwise shrink old ones while the available pods stay at least replicas -
 * maxUnavailable, their unhealthy pods first. Pods are counted as they will be once the scales already set are
 * applied (a ReplicaSet's pods or scale, whichever is larger; its available pods or scale, whichever is smaller),
 * so that a step taken before the ReplicaSet controller catches up never crosses either bound.
 */
final class RollingUpdate {

    private RollingUpdate() { }

    /** @return whether a ReplicaSet was scaled */
    static boolean step(Rollout rollout) {
        rollout.syncRevision(true);
        OwnedReplicaSet newRs = rollout.newReplicaSet();
        return scaleUpNew(rollout, newRs) || scaleDownOld(rollout, newRs);
    }

    private static boolean scaleUpNew(Rollout rollout, OwnedReplicaSet newRs) {
        if (newRs.replicas() == rollout.replicas()) {
            return false;
        }
        if (newRs.replicas() > rollout.replicas()) {
            return rollout.scale(newRs, rollout.replicas());
        }
        return rollout.scale(newRs, rollout.scaleUpTo(newRs.replicas()));
    }

    private static boolean scaleDownOld(Rollout rollout, OwnedReplicaSet newRs) {
        List<OwnedReplicaSet> old = rollout.activeOld().stream().sorted(OwnedReplicaSet.OLDEST_FIRST).toList();
        if (old.isEmpty()) {
            return false;
        }
        int minAvailable = rollout.replicas() - rollout.fenceposts().maxUnavailable();
        int allPods = Rollout.sum(rollout.all(), OwnedReplicaSet::podsOrReplicas);
        int newUnavailable = Math.max(0, newRs.replicas() - newRs.availableAfterScaling());
        int maxScaledDown = allPods - minAvailable - newUnavailable;
        if (maxScaledDown <= 0) {
            return false;
        }
        int cleaned = cleanUpUnhealthy(rollout, old, maxScaledDown);
        return cleaned + scaleDownAvailable(rollout, old, minAvailable) > 0;
    }

    /** Old pods that are not available are removed first: they must not hold the rollout up. */
    private static int cleanUpUnhealthy(Rollout rollout, List<OwnedReplicaSet> old, int maxCleanUp) {
        int total = 0;
        for (OwnedReplicaSet rs : old) {
            if (total >= maxCleanUp) {
                break;
            }
            int unhealthy = rs.replicas() - rs.availableAfterScaling();
            if (rs.replicas() == 0 || unhealthy == 0) {
                continue;
            }
            int count = Math.min(maxCleanUp - total, unhealthy);
            rollout.scale(rs, rs.replicas() - count);
            total += count;
        }
        return total;
    }

    private static int scaleDownAvailable(Rollout rollout, List<OwnedReplicaSet> old, int minAvailable) {
        int available = Rollout.sum(rollout.all(), OwnedReplicaSet::availableAfterScaling);
        if (available <= minAvailable) {
            return 0;
        }
        int toScaleDown = available - minAvailable;
        int total = 0;
        for (OwnedReplicaSet rs : old) {
            if (total >= toScaleDown) {
                break;
            }
            if (rs.replicas() == 0) {
                continue;
            }
            int count = Math.min(rs.replicas(), toScaleDown - total);
            rollout.scale(rs, rs.replicas() - count);
            total += count;
        }
        return total;
    }
}
