package io.kubelite.scheduler.plugins;

import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.ScorePlugin;

/**
 * Packs pods: prefers the node with the largest share of cpu and memory in use after placing the pod,
 * kube-scheduler's {@code MostAllocated} with cpu and memory weighted equally.
 */
public final class MostAllocated implements ScorePlugin {

    public static final String NAME = "MostAllocated";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long score(PodInfo pod, NodeInfo node) {
        return (mostRequested(node.requestedMilliCpu() + pod.milliCpu(), node.allocatableMilliCpu())
                + mostRequested(node.requestedMemory() + pod.memoryBytes(), node.allocatableMemory())) / 2;
    }

    /** {@code requested * 100 / capacity}, capped at 100; 0 when there is no capacity. */
    static long mostRequested(long requested, long capacity) {
        if (capacity <= 0) {
            return MIN_SCORE;
        }
        return Math.min(requested, capacity) * MAX_SCORE / capacity;
    }
}
