package io.kubelite.agent.runtime;

import java.time.Instant;

/**
 * A container as the runtime holds it.
 *
 * @param attempt    the restart count it was started with
 * @param exitCode   set once ended
 * @param reason     set once ended: {@code Completed} (exit 0), {@code Error} or {@code OOMKilled}
 * @param message    the engine's message about an ended container, or null
 * @param ip         the container's IP address, or null when it has none
 */
public record RuntimeContainer(String id,
                               PodRef pod,
                               String containerName,
                               int attempt,
                               State state,
                               String image,
                               String imageId,
                               Instant startedAt,
                               Instant finishedAt,
                               Integer exitCode,
                               String reason,
                               String message,
                               String ip) {

    public enum State { CREATED, RUNNING, EXITED }

    public boolean running() {
        return state == State.RUNNING;
    }
}
