package io.kubelite.scheduler.flow;

/**
 * A batch of pending pods to place, in plain arrays. Pods with identical requirements form a class:
 * {@code classCounts[c]} pods, each requesting {@code classRequests[c][r]} of resource {@code r}. Node
 * {@code n} has {@code nodeAllocatable[n][r]} of each resource, of which {@code nodeRequested[n][r]} is
 * already taken. Resources are whatever the caller counts in the same units on both sides, for example
 * {cpu millicores, memory bytes, pods} with a request of 1 pod per pod.
 */
public record PlacementProblem(int[] classCounts, long[][] classRequests, long[][] nodeAllocatable,
        long[][] nodeRequested, ClassNodeFilter filter, PlacementCost cost) {

    public PlacementProblem {
        if (classCounts.length != classRequests.length) {
            throw new IllegalArgumentException("every class needs a count and requests");
        }
        if (nodeAllocatable.length != nodeRequested.length) {
            throw new IllegalArgumentException("every node needs allocatable and requested amounts");
        }
        int resources = resourceCount(classRequests, nodeAllocatable);
        for (int c = 0; c < classCounts.length; c++) {
            if (classCounts[c] < 0) {
                throw new IllegalArgumentException("class " + c + " has a negative count");
            }
            requireLength(classRequests[c], resources, "requests of class " + c);
        }
        for (int n = 0; n < nodeAllocatable.length; n++) {
            requireLength(nodeAllocatable[n], resources, "allocatable of node " + n);
            requireLength(nodeRequested[n], resources, "requested of node " + n);
        }
    }

    public int classCount() {
        return classCounts.length;
    }

    public int nodeCount() {
        return nodeAllocatable.length;
    }

    public int resourceCount() {
        return resourceCount(classRequests, nodeAllocatable);
    }

    private static int resourceCount(long[][] classRequests, long[][] nodeAllocatable) {
        if (classRequests.length > 0) {
            return classRequests[0].length;
        }
        return nodeAllocatable.length > 0 ? nodeAllocatable[0].length : 0;
    }

    private static void requireLength(long[] amounts, int resources, String what) {
        if (amounts.length != resources) {
            throw new IllegalArgumentException(what + " name " + amounts.length + " resources, not " + resources);
        }
        for (long amount : amounts) {
            if (amount < 0) {
                throw new IllegalArgumentException(what + " include a negative amount");
            }
        }
    }
}
