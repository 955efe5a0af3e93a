package io.kubelite.agent.pod;

import io.kubelite.agent.runtime.RuntimeContainer;
import io.kubelite.model.core.Container;
import io.kubelite.model.core.ContainerState;
import io.kubelite.model.core.ContainerStateTerminated;
import io.kubelite.model.core.ContainerStateWaiting;
import io.kubelite.model.core.ContainerStatus;
import io.kubelite.model.core.Pod;
import io.kubelite.model.core.PodCondition;
import io.kubelite.model.core.PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a pod's status from its containers as the runtime holds them, the way the kubelet does: container
 * states, the pod's phase, its conditions. Pure: the same inputs give the same status, so the agent can tell
 * whether anything changed before writing.
 */
final class PodStatusCalculator {

    static final String POD_SCHEDULED = "PodScheduled";
    static final String INITIALIZED = "Initialized";
    static final String CONTAINERS_READY = "ContainersReady";
    static final String READY = "Ready";
    static final String CONTAINER_CREATING = "ContainerCreating";
    private static final Set<String> OWN_CONDITIONS = Set.of(POD_SCHEDULED, INITIALIZED, CONTAINERS_READY, READY);

    private PodStatusCalculator() { }

    /**
     * @param containers every container the runtime holds for the pod, all attempts
     * @param waiting    why a container that is not running waits (ErrImagePull, CrashLoopBackOff...), by name;
     *                   a container that ended and has no entry here is not restarted
     * @param scheme     the runtime's name in container IDs ({@code docker})
     */
    static PodStatus compute(Pod pod, List<RuntimeContainer> containers, Map<String, ContainerStateWaiting> waiting,
                             String hostIP, String scheme, Instant now) {
        PodStatus old = pod.status() == null
                ? new PodStatus(null, null, null, null, null, null, null, null, null, null, null) : pod.status();
        List<ContainerStatus> statuses = new ArrayList<>();
        String podIP = null;
        for (Container container : pod.spec().containers()) {
            List<RuntimeContainer> attempts = containers.stream()
                    .filter(c -> c.containerName().equals(container.name()))
                    .sorted(Comparator.comparingInt(RuntimeContainer::attempt).reversed())
                    .toList();
            statuses.add(containerStatus(container, attempts, waiting.get(container.name()), scheme));
            if (podIP == null && !attempts.isEmpty() && attempts.get(0).running()) {
                podIP = attempts.get(0).ip();
            }
        }
        String phase = phase(statuses, PodFacts.restartPolicy(pod));
        List<PodCondition> conditions = conditions(old.conditions(), statuses, phase, now);
        return new PodStatus(phase, conditions, null, null, old.nominatedNodeName(), hostIP,
                podIP != null ? podIP : old.podIP(), old.startTime() != null ? old.startTime() : now,
                old.initContainerStatuses(), statuses, old.qosClass());
    }

    /** The status of a pod the node cannot take: Failed, with the reason and message of admission. */
    static PodStatus rejected(Pod pod, String reason, String message, String hostIP) {
        PodStatus old = pod.status();
        return new PodStatus(PodFacts.FAILED, old == null ? null : old.conditions(), message, reason,
                old == null ? null : old.nominatedNodeName(), hostIP, null, null, null, null,
                old == null ? null : old.qosClass());
    }

    private static ContainerStatus containerStatus(Container container, List<RuntimeContainer> attempts,
                                                   ContainerStateWaiting waiting, String scheme) {
        if (attempts.isEmpty()) {
            ContainerStateWaiting why = waiting != null ? waiting : new ContainerStateWaiting(CONTAINER_CREATING, null);
            return new ContainerStatus(container.name(), new ContainerState(why, null, null), null, false, 0,
                    container.image(), "", null, false);
        }
        RuntimeContainer latest = attempts.get(0);
        RuntimeContainer previous = attempts.stream().skip(1)
                .filter(c -> c.state() == RuntimeContainer.State.EXITED).findFirst().orElse(null);
        ContainerState state;
        ContainerState lastState = previous == null ? null : terminated(previous, scheme);
        switch (latest.state()) {
            case RUNNING -> state = ContainerState.running(latest.startedAt());
            case CREATED -> state = ContainerState.waiting(CONTAINER_CREATING, null);
            default -> {
                if (waiting != null) {
                    state = new ContainerState(waiting, null, null);
                    lastState = terminated(latest, scheme);
                } else {
                    state = terminated(latest, scheme);
                }
            }
        }
        boolean running = latest.running();
        return new ContainerStatus(container.name(), state, lastState, running, latest.attempt(), container.image(),
                latest.imageId() == null ? "" : latest.imageId(), scheme + "://" + latest.id(), running);
    }

    private static ContainerState terminated(RuntimeContainer container, String scheme) {
        return ContainerState.terminated(new ContainerStateTerminated(container.exitCode(), null, container.reason(),
                container.message(), container.startedAt(), container.finishedAt(), scheme + "://" + container.id()));
    }

    /** The kubelet's {@code getPhase}: Pending while any container waits for its first start. */
    static String phase(List<ContainerStatus> statuses, String restartPolicy) {
        int waiting = 0;
        int running = 0;
        int stopped = 0;
        int succeeded = 0;
        for (ContainerStatus status : statuses) {
            ContainerState state = status.state();
            if (state.running() != null) {
                running++;
            } else if (state.terminated() != null) {
                stopped++;
                if (Integer.valueOf(0).equals(state.terminated().exitCode())) {
                    succeeded++;
                }
            } else if (status.lastState() != null && status.lastState().terminated() != null) {
                stopped++;
            } else {
                waiting++;
            }
        }
        if (waiting > 0) {
            return PodFacts.PENDING;
        }
        if (running > 0) {
            return PodFacts.RUNNING;
        }
        if (stopped == 0) {
            return PodFacts.PENDING;
        }
        return switch (restartPolicy) {
            case "Always" -> PodFacts.RUNNING;
            case "OnFailure" -> stopped == succeeded ? PodFacts.SUCCEEDED : PodFacts.RUNNING;
            default -> stopped == succeeded ? PodFacts.SUCCEEDED : PodFacts.FAILED;
        };
    }

    private static List<PodCondition> conditions(List<PodCondition> old, List<ContainerStatus> statuses, String phase,
                                                 Instant now) {
        List<PodCondition> previous = old == null ? List.of() : old;
        List<String> unready = statuses.stream().filter(s -> !Boolean.TRUE.equals(s.ready()))
                .map(ContainerStatus::name).toList();
        String ready = unready.isEmpty() ? "True" : "False";
        String reason = null;
        String message = null;
        if (!unready.isEmpty()) {
            boolean completed = PodFacts.SUCCEEDED.equals(phase);
            reason = completed ? "PodCompleted" : "ContainersNotReady";
            message = completed ? null : "containers with unready status: [" + String.join(" ", unready) + "]";
        }
        List<PodCondition> conditions = new ArrayList<>();
        PodCondition scheduled = find(previous, POD_SCHEDULED);
        conditions.add(scheduled != null ? scheduled : new PodCondition(POD_SCHEDULED, "True", null, now, null, null));
        conditions.add(condition(previous, INITIALIZED, "True", null, null, now));
        conditions.add(condition(previous, CONTAINERS_READY, ready, reason, message, now));
        conditions.add(condition(previous, READY, ready, reason, message, now));
        previous.stream().filter(c -> !OWN_CONDITIONS.contains(c.type())).forEach(conditions::add);
        return conditions;
    }

    /** A condition whose transition time stays as it was while its status does not change. */
    private static PodCondition condition(List<PodCondition> previous, String type, String status, String reason,
                                          String message, Instant now) {
        PodCondition old = find(previous, type);
        Instant transition = old != null && status.equals(old.status()) && old.lastTransitionTime() != null
                ? old.lastTransitionTime() : now;
        return new PodCondition(type, status, null, transition, reason, message);
    }

    private static PodCondition find(List<PodCondition> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.type())).findFirst().orElse(null);
    }
}
