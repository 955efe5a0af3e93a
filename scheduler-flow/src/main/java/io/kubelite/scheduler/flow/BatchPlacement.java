package io.kubelite.scheduler.flow;

import java.util.List;

/**
 * Where a batch goes: the assignments (at most one per class and node), the pods of each class left pending,
 * and what is known of the result's quality (docs/scheduler.md, "What optimal means").
 *
 * @param pendingCost   the cost of leaving one pod pending
 * @param objective     the model cost of the assigned pods plus pendingCost for every pending pod: what the
 *                      planner minimizes
 * @param modelOptimum  the least objective among the placements of the slot model (every class within its
 *                      slots, every node within its guaranteed capacity); the objective is never above it
 * @param lowerBound    the relaxation's optimum, or the best priced relaxation's bound when the search ran and
 *                      found a higher one; no placement of the batch that fits every node scores lower
 * @param optimal       true when no placement of the batch that fits every node has a lower objective, as
 *                      shown by round 1 of either the slot model or the relaxation, or by a complete search
 * @param origin        what found the result
 * @param rounds        the flow rounds of the slot model or relaxation whose result the search started from
 * @param searched      the search nodes solved (0 when round 1 proved the result)
 */
public record BatchPlacement(List<Assignment> assignments, int[] pending, long pendingCost, long objective,
        long modelOptimum, long lowerBound, boolean optimal, Origin origin, int rounds, int searched) {

    /** What found a batch's placement. */
    public enum Origin {
        /** the slot model's rounds */
        SLOT_MODEL,
        /** the relaxation's rounds with repair */
        RELAXATION,
        /** the search after the rounds (resource prices, local search, branch and bound), improving on both */
        SEARCH
    }

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
}
