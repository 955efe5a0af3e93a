package io.kubelite.controller.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change of a deployment's replicas, outside of any rollout step, as Kubernetes' {@code scale}: with one active
 * ReplicaSet (or none) it takes the whole count; while a rolling update is under way the change is shared among the
 * active ReplicaSets in proportion to their size, so that scaling neither finishes nor undoes the rollout.
 */
final class Scaling {

    private Scaling() { }

    /**
     * Whether the deployment's replicas changed since its active ReplicaSets were last scaled for it (their
     * desired-replicas annotation says for how many).
     */
    static boolean isScalingEvent(Rollout rollout) {
        return rollout.active().stream()
                .anyMatch(rs -> rs.desiredReplicas() >= 0 && rs.desiredReplicas() != rollout.replicas());
    }

    static void scale(Rollout rollout) {
        OwnedReplicaSet activeOrLatest = activeOrLatest(rollout);
        if (activeOrLatest != null) {
            rollout.scale(activeOrLatest, rollout.replicas());
            return;
        }
        OwnedReplicaSet newRs = rollout.newReplicaSet();
        if (newRs != null && newRs.replicas() == rollout.replicas()
                && newRs.pods().available() >= rollout.replicas()) {
            // The new ReplicaSet is saturated: the old ones go.
            for (OwnedReplicaSet old : rollout.activeOld()) {
                rollout.scale(old, 0);
            }
            return;
        }
        if (Fenceposts.isRollingUpdate(rollout.deployment().spec())) {
            scaleProportionally(rollout);
        }
    }

    /** The only active ReplicaSet, or the newest when none is active; null when several are. */
    private static OwnedReplicaSet activeOrLatest(Rollout rollout) {
        List<OwnedReplicaSet> active = rollout.active();
        if (active.size() == 1) {
            return active.get(0);
        }
        if (!active.isEmpty() || rollout.all().isEmpty()) {
            return null;
        }
        if (rollout.newReplicaSet() != null) {
            return rollout.newReplicaSet();
        }
        return rollout.oldReplicaSets().stream().max(OwnedReplicaSet.OLDEST_FIRST).orElseThrow();
    }

    private static void scaleProportionally(Rollout rollout) {
        List<OwnedReplicaSet> active = new ArrayList<>(rollout.active());
        int current = Rollout.sum(active, OwnedReplicaSet::replicas);
        int allowed = rollout.replicas() > 0 ? rollout.replicas() + rollout.fenceposts().maxSurge() : 0;
        int toAdd = allowed - current;
        if (toAdd == 0) {
            return;
        }
        // Growth goes to the largest (then newest) first, shrinking to the largest (then oldest) first.
        Comparator<OwnedReplicaSet> bySize = Comparator.comparingInt(OwnedReplicaSet::replicas).reversed();
        active.sort(toAdd > 0 ? bySize.thenComparing(OwnedReplicaSet.OLDEST_FIRST.reversed())
                : bySize.thenComparing(OwnedReplicaSet.OLDEST_FIRST));
        Map<OwnedReplicaSet, Integer> sizes = new LinkedHashMap<>();
        int added = 0;
        for (OwnedReplicaSet rs : active) {
            int proportion = proportion(rollout, rs, toAdd, added);
            sizes.put(rs, rs.replicas() + proportion);
            added += proportion;
        }
        OwnedReplicaSet largest = active.get(0);
        sizes.put(largest, Math.max(0, sizes.get(largest) + toAdd - added));
        sizes.forEach(rollout::scale);
    }

    /** Kubernetes' {@code GetProportion}: the ReplicaSet's share of the change, within what is left of it. */
    private static int proportion(Rollout rollout, OwnedReplicaSet rs, int toAdd, int added) {
        if (rs.replicas() == 0 || toAdd == added) {
            return 0;
        }
        int fraction;
        if (rollout.replicas() == 0) {
            fraction = -rs.replicas();
        } else {
            int deploymentReplicas = rollout.replicas() + rollout.fenceposts().maxSurge();
            long annotated = rs.maxReplicas();
            if (annotated <= 0) {
                annotated = statusReplicas(rollout);
            }
            fraction = annotated <= 0 ? 0
                    : (int) Math.round((double) rs.replicas() * deploymentReplicas / annotated) - rs.replicas();
        }
        int allowed = toAdd - added;
        return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
    }

    private static int statusReplicas(Rollout rollout) {
        var status = rollout.deployment().status();
        return status == null || status.replicas() == null ? 0 : status.replicas();
    }
}
