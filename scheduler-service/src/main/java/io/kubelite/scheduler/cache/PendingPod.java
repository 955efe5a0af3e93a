package io.kubelite.scheduler.cache;

import io.kubelite.scheduler.framework.PodInfo;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pod waiting for a node.
 *
 * @param info          what the algorithm reads
 * @param object        the pod as last read, which binding writes back with {@code spec.nodeName} set
 * @param enqueuedNanos when the scheduler first saw it pending ({@link System#nanoTime()}), for the latency metric
 * @param lastFailure   the failure last reported for it, or null
 */
public record PendingPod(PodInfo info, ObjectNode object, long enqueuedNanos, ReportedFailure lastFailure) {

    public PendingPod withFailure(ReportedFailure failure) {
        return new PendingPod(info, object, enqueuedNanos, failure);
    }

    /** The pod's metadata.generation, which changes when its spec does. */
    long generation() {
        return object.path("metadata").path("generation").asLong(0);
    }
}
