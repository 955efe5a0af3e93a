package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A container's state: exactly one of waiting, running or terminated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerState(ContainerStateWaiting waiting,
                             ContainerStateRunning running,
                             ContainerStateTerminated terminated) {

    public static ContainerState waiting(String reason, String message) {
        return new ContainerState(new ContainerStateWaiting(reason, message), null, null);
    }

    public static ContainerState running(Instant startedAt) {
        return new ContainerState(null, new ContainerStateRunning(startedAt), null);
    }

    public static ContainerState terminated(ContainerStateTerminated terminated) {
        return new ContainerState(null, null, terminated);
    }
}
