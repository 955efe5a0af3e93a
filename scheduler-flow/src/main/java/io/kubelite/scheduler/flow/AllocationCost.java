package io.kubelite.scheduler.flow;

/**
 * The default cost model: {@code 100 - score}, where the score is kube-scheduler's LeastAllocated (free share
 * after placing, which spreads) and MostAllocated (used share after placing, which packs), weighted, over
 * the scored resources, each 0..100 and averaged. "After placing" counts the node's requests, the pods of
 * the class this batch already put there, and the pod being placed. LeastAllocated rises in cost with every
 * pod, so bands of it spread a class across nodes; MostAllocated falls, so its bands flatten to the first
 * pod's cost: it ranks nodes by how full they already are.
 */
public final class AllocationCost implements PlacementCost {

    private final long[][] classRequests;
    private final long[][] nodeAllocatable;
    private final long[][] nodeRequested;
    private final int leastAllocatedWeight;
    private final int mostAllocatedWeight;
    private final int[] scoredResources;

    /** The arrays are those of the {@link PlacementProblem} this cost is for, and are read, not copied. */
    public AllocationCost(long[][] classRequests, long[][] nodeAllocatable, long[][] nodeRequested,
            int leastAllocatedWeight, int mostAllocatedWeight, int... scoredResources) {
        if (leastAllocatedWeight < 0 || mostAllocatedWeight < 0 || leastAllocatedWeight + mostAllocatedWeight == 0) {
            throw new IllegalArgumentException("weights must not be negative and not both zero");
        }
        if (scoredResources.length == 0) {
            throw new IllegalArgumentException("at least one resource must be scored");
        }
        this.classRequests = classRequests;
        this.nodeAllocatable = nodeAllocatable;
        this.nodeRequested = nodeRequested;
        this.leastAllocatedWeight = leastAllocatedWeight;
        this.mostAllocatedWeight = mostAllocatedWeight;
        this.scoredResources = scoredResources.clone();
    }

    @Override
    public int cost(int podClass, int node, int alreadyPlaced) {
        long usedShares = 0;
        for (int r : scoredResources) {
            long allocatable = nodeAllocatable[node][r];
            long used = nodeRequested[node][r] + (alreadyPlaced + 1L) * classRequests[podClass][r];
            usedShares += allocatable == 0 ? 100 : Math.min(100, used * 100 / allocatable);
        }
        long usedScore = usedShares / scoredResources.length;
        long score = (leastAllocatedWeight * (100 - usedScore) + mostAllocatedWeight * usedScore)
                / (leastAllocatedWeight + mostAllocatedWeight);
        return (int) (MAX_PLACEMENT_COST - score);
    }
}
