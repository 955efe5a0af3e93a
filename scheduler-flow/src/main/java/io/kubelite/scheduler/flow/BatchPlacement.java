package io.kubelite.scheduler.flow;

import java.util.List;

/**
 * Where a batch goes: the assignments (at most one per class and node), the pods of each class left pending,
 * and how the result was reached.
 *
 * @param placementCost the sum of the placement costs of the assigned pods under the flow model's costs
 * @param objective     placementCost plus pendingCost for every pending pod: what the flow model minimizes
 * @param lowerBound    the first round's optimal objective; no feasible placement of the batch scores lower
 * @param rounds        the flow rounds solved: 1 when the optimum of the flow model already fitted every node
 */
public record BatchPlacement(List<Assignment> assignments, int[] pending, long placementCost, long pendingCost,
        long objective, long lowerBound, int rounds) {

    public int placedCount() {
        int placed = 0;
        for (Assignment assignment : assignments) {
            placed += assignment.count();
        }
        return placed;
    }

    public int pendingCount() {
        int total = 0;
        for (int count : pending) {
            total += count;
        }
        return total;
    }

    /** True when the result is optimal for the cost model among all placements that fit every node. */
    public boolean provablyOptimal() {
        return objective == lowerBound;
    }
}
