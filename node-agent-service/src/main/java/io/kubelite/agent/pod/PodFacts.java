package io.kubelite.agent.pod;

import io.kubelite.model.core.Pod;
import java.time.Duration;

/** Small readings of a pod that several parts of the agent make. */
final class PodFacts {

    static final String PENDING = "Pending";
    static final String RUNNING = "Running";
    static final String SUCCEEDED = "Succeeded";
    static final String FAILED = "Failed";
    private static final long DEFAULT_GRACE_SECONDS = 30;

    private PodFacts() { }

    static String phase(Pod pod) {
        return pod.status() == null || pod.status().phase() == null ? PENDING : pod.status().phase();
    }

    /** Succeeded or Failed: its containers are never started again. */
    static boolean finished(Pod pod) {
        String phase = phase(pod);
        return SUCCEEDED.equals(phase) || FAILED.equals(phase);
    }

    static String nodeName(Pod pod) {
        return pod.spec() == null ? null : pod.spec().nodeName();
    }

    static boolean deleting(Pod pod) {
        return pod.metadata().deletionTimestamp() != null;
    }

    static String restartPolicy(Pod pod) {
        return pod.spec().restartPolicy() == null ? "Always" : pod.spec().restartPolicy();
    }

    /** The deletion's grace period, or the pod's own when it is not being deleted. */
    static Duration gracePeriod(Pod pod) {
        Long seconds = pod.metadata().deletionGracePeriodSeconds() != null
                ? pod.metadata().deletionGracePeriodSeconds() : pod.spec().terminationGracePeriodSeconds();
        return Duration.ofSeconds(seconds == null ? DEFAULT_GRACE_SECONDS : Math.max(0, seconds));
    }

    /** {@code namespace/name}, as logs name a pod. */
    static String describe(Pod pod) {
        return pod.metadata().namespace() + "/" + pod.metadata().name();
    }
}
