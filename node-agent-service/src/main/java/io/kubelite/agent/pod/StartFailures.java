package io.kubelite.agent.pod;

import io.kubelite.agent.AgentProperties;
import io.kubelite.model.core.ContainerStateWaiting;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Containers whose image could not be pulled or that could not be started, and when to try each again
 * (exponential back-off). Kept in memory: after a restart the agent simply tries once more.
 */
final class StartFailures {

    static final String ERR_IMAGE_PULL = "ErrImagePull";
    static final String IMAGE_PULL_BACK_OFF = "ImagePullBackOff";
    static final String RUN_CONTAINER_ERROR = "RunContainerError";
    static final String CRASH_LOOP_BACK_OFF = "CrashLoopBackOff";

    /** @param retryAt when the next attempt may be made */
    record Failure(String reason, String message, int count, Instant retryAt) {

        /** What the container waits with until {@link #retryAt}. */
        ContainerStateWaiting backingOff(String image) {
            return ERR_IMAGE_PULL.equals(reason)
                    ? new ContainerStateWaiting(IMAGE_PULL_BACK_OFF,
                            "Back-off pulling image \"" + image + "\": " + ERR_IMAGE_PULL + ": " + message)
                    : new ContainerStateWaiting(CRASH_LOOP_BACK_OFF, RUN_CONTAINER_ERROR + ": " + message);
        }
    }

    private final AgentProperties.RestartBackOff backOff;
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    StartFailures(AgentProperties.RestartBackOff backOff) {
        this.backOff = backOff;
    }

    Failure get(String uid, String container) {
        return failures.get(uid + "/" + container);
    }

    Failure record(String uid, String container, String reason, String message, Instant now) {
        return failures.compute(uid + "/" + container, (key, old) -> {
            int count = old == null ? 1 : old.count() + 1;
            return new Failure(reason, message, count, now.plus(backOff.after(count)));
        });
    }

    void clear(String uid, String container) {
        failures.remove(uid + "/" + container);
    }

    void forget(String uid) {
        failures.keySet().removeIf(key -> key.startsWith(uid + "/"));
    }
}
