package io.kubelite.scheduler.algorithm;

import io.kubelite.scheduler.framework.PodInfo;
import java.util.List;

/**
 * Decides where a batch of pending pods goes. An implementation reads the snapshot and changes nothing: the
 * caller binds the placements it returns. Every placement must pass every filter of the scheduler's profile
 * on the node as it is after the placements before it, so no node is ever over capacity.
 */
public interface PlacementAlgorithm {

    /** The algorithm's name, as {@code kubelite.scheduler.algorithm} selects it. */
    String name();

    PlacementResult place(List<PodInfo> pods, ClusterSnapshot snapshot);
}
