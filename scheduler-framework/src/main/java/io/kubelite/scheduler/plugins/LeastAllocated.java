package io.kubelite.scheduler.plugins;

import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.ScorePlugin;

/**
 * Spreads pods: prefers the node with the largest share of cpu and memory left after placing the pod,
 * kube-scheduler's {@code LeastAllocated} with cpu and memory weighted equally.
 */
public final class LeastAllocated implements ScorePlugin {

    public static final String NAME = "LeastAllocated";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long score(PodInfo pod, NodeInfo node) {
        return (leastRequested(node.requestedMilliCpu() + pod.milliCpu(), node.allocatableMilliCpu())
                + leastRequested(node.requestedMemory() + pod.memoryBytes(), node.allocatableMemory())) / 2;
    }

    /** {@code (capacity - requested) * 100 / capacity}; 0 when nothing is left or there is no capacity. */
    static long leastRequested(long requested, long capacity) {
        if (capacity <= 0 || requested > capacity) {
            return MIN_SCORE;
        }
        return (capacity - requested) * MAX_SCORE / capacity;
    }
}
