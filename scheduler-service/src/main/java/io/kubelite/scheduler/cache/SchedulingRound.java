package io.kubelite.scheduler.cache;

import io.kubelite.scheduler.algorithm.ClusterSnapshot;
import java.util.List;

/**
 * The work of one round: the pending pods to place, the cluster to place them on, and the cluster-change count
 * they were read at (see {@link ClusterCache#park}).
 *
 * @param pods        pending pods, in queue order, at most the round's limit
 * @param snapshot    the nodes with what is requested on each
 * @param changesSeen the cluster-change counter when the round was taken
 * @param morePending whether pending pods were left out of this round by its limit
 */
public record SchedulingRound(List<PendingPod> pods, ClusterSnapshot snapshot, long changesSeen,
                              boolean morePending) { }
