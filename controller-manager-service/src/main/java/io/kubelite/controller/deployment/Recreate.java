package io.kubelite.controller.deployment;

/**
 * One step of a Recreate rollout, as Kubernetes' {@code rolloutRecreate}: scale every old ReplicaSet to 0, wait
 * until none of their pods exists any more (pods being deleted included), then create or scale the new one to all
 * replicas. Old and new pods never run at once.
 */
final class Recreate {

    private Recreate() { }

    /** @return whether the rollout is waiting for old pods to go */
    static boolean step(Rollout rollout) {
        rollout.syncRevision(false);
        boolean scaledDown = false;
        for (OwnedReplicaSet old : rollout.activeOld()) {
            scaledDown |= rollout.scale(old, 0);
        }
        if (scaledDown || oldPodsExist(rollout)) {
            return true;
        }
        if (rollout.newReplicaSet() == null) {
            rollout.syncRevision(true);
        }
        rollout.scale(rollout.newReplicaSet(), rollout.replicas());
        return false;
    }

    private static boolean oldPodsExist(Rollout rollout) {
        return rollout.oldReplicaSets().stream().anyMatch(rs -> rs.pods().existing() > 0);
    }
}
