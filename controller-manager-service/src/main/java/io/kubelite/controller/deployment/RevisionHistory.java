package io.kubelite.controller.deployment;

import java.util.Comparator;
import java.util.List;

/**
 * Keeps at most {@code revisionHistoryLimit} old ReplicaSets, as Kubernetes' {@code cleanupDeployment}: the oldest
 * revisions go first, and only those scaled to 0 whose pods are all gone.
 */
final class RevisionHistory {

    private RevisionHistory() { }

    static void cleanUp(Rollout rollout) {
        Integer limit = rollout.deployment().spec().revisionHistoryLimit();
        if (limit == null) {
            return;
        }
        List<OwnedReplicaSet> alive = rollout.oldReplicaSets().stream()
                .filter(rs -> !rs.isDeleting())
                .sorted(Comparator.comparingLong(OwnedReplicaSet::revision).thenComparing(OwnedReplicaSet.OLDEST_FIRST))
                .toList();
        for (OwnedReplicaSet rs : alive.subList(0, Math.max(0, alive.size() - limit))) {
            if (rs.replicas() == 0 && rs.pods().existing() == 0) {
                rollout.delete(rs);
            }
        }
    }
}
