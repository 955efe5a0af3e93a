package io.kubelite.scheduler.flow;

/**
 * The price of placing one more pod of a class on a node, an integer from 0 (best) to
 * {@link #MAX_PLACEMENT_COST} (worst), given how many pods of that class this batch already put there.
 * A scheduler derives it from its weighted scores as {@code MAX_PLACEMENT_COST - score}.
 *
 * <p>The flow model needs the cost to be non-decreasing in {@code alreadyPlaced} (convex in the count);
 * {@link SchedulingGraph} flattens a decreasing cost to its running maximum.
 */
@FunctionalInterface
public interface PlacementCost {

    int MAX_PLACEMENT_COST = 100;

    int cost(int podClass, int node, int alreadyPlaced);
}
