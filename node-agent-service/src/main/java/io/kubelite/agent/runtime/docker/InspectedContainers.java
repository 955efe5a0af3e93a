package io.kubelite.agent.runtime.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.kubelite.agent.runtime.RuntimeContainer;
import io.kubelite.agent.runtime.RuntimeContainer.State;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** What Docker's inspect tells about a container, as the agent reads it. */
final class InspectedContainers {

    static final String COMPLETED = "Completed";
    static final String ERROR = "Error";
    static final String OOM_KILLED = "OOMKilled";
    private static final String DEFAULT_NETWORK = "bridge";

    private InspectedContainers() { }

    static RuntimeContainer toRuntimeContainer(InspectContainerResponse inspected, ContainerIdentity identity) {
        InspectContainerResponse.ContainerState dockerState = inspected.getState();
        State state = state(dockerState.getStatus());
        boolean ended = state == State.EXITED;
        Integer exitCode = ended && dockerState.getExitCodeLong() != null ? dockerState.getExitCodeLong().intValue() : null;
        return new RuntimeContainer(inspected.getId(),
                identity.pod(),
                identity.containerName(),
                identity.attempt(),
                state,
                inspected.getConfig() == null ? null : inspected.getConfig().getImage(),
                inspected.getImageId(),
                state == State.CREATED ? null : instant(dockerState.getStartedAt()),
                ended ? instant(dockerState.getFinishedAt()) : null,
                exitCode,
                ended ? reason(exitCode, Boolean.TRUE.equals(dockerState.getOOMKilled())) : null,
                blankToNull(dockerState.getError()),
                ip(inspected));
    }

    /** Docker's status word: paused and restarting containers still hold their processes. */
    static State state(String status) {
        if (status == null) {
            return State.EXITED;
        }
        return switch (status) {
            case "created" -> State.CREATED;
            case "running", "paused", "restarting" -> State.RUNNING;
            default -> State.EXITED;
        };
    }

    private static String reason(Integer exitCode, boolean oomKilled) {
        if (oomKilled) {
            return OOM_KILLED;
        }
        return exitCode != null && exitCode == 0 ? COMPLETED : ERROR;
    }

    private static String ip(InspectContainerResponse inspected) {
        if (inspected.getNetworkSettings() == null || inspected.getNetworkSettings().getNetworks() == null) {
            return null;
        }
        ContainerNetwork bridge = inspected.getNetworkSettings().getNetworks().get(DEFAULT_NETWORK);
        return bridge == null ? null : blankToNull(bridge.getIpAddress());
    }

    /** Docker writes the zero time ({@code 0001-01-01T00:00:00Z}) for a moment that has not come. */
    private static Instant instant(String text) {
        if (text == null || text.isEmpty() || text.startsWith("0001-")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
