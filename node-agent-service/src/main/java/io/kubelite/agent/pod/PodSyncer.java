package io.kubelite.agent.pod;

import io.kubelite.agent.AgentProperties;
import io.kubelite.agent.metrics.AgentMetrics;
import io.kubelite.agent.runtime.ContainerRuntime;
import io.kubelite.agent.runtime.ContainerStartException;
import io.kubelite.agent.runtime.ImagePullException;
import io.kubelite.agent.runtime.PodRef;
import io.kubelite.agent.runtime.RuntimeContainer;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.model.core.Container;
import io.kubelite.model.core.ContainerStateWaiting;
import io.kubelite.model.core.Pod;
import io.kubelite.model.core.PodStatus;
import io.kubelite.store.DeleteOptions;
import io.kubelite.store.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one pod's containers in line with its spec and reports its status, idempotently, like the kubelet's
 * SyncPod: admission on first sight; image pull and start of missing containers; restarts per
 * {@code restartPolicy} after an exponential back-off; graceful termination and the final delete of a pod being
 * deleted; removal of containers whose pod is gone. Returns when to look at the pod again, or null.
 */
public final class PodSyncer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PodSyncer.class);
    /** Containers with no pod left are stopped with this grace, the kubelet's minimum. */
    static final Duration ORPHAN_GRACE = Duration.ofSeconds(2);

    private final PodCache cache;
    private final ContainerRuntime runtime;
    private final Set<String> hostedNodes;
    private final Admission admission;
    private final StatusWriter statusWriter;
    private final ContainerStopper stopper;
    private final StartFailures startFailures;
    private final ObjectStore store;
    private final AgentMetrics metrics;
    private final AgentProperties.RestartBackOff backOff;
    private final Duration syncPeriod;
    private final String hostIP;
    private final String scheme;
    private final Clock clock;
    private final Consumer<String> wake;

    /** {@code wake} asks for another sync of a pod (once its containers have stopped). */
    public PodSyncer(PodCache cache, ContainerRuntime runtime, Set<String> hostedNodes, Admission admission,
                     ObjectStore store, AgentMetrics metrics, AgentProperties properties, String hostIP, Clock clock,
                     Consumer<String> wake) {
        this.cache = cache;
        this.runtime = runtime;
        this.hostedNodes = Set.copyOf(hostedNodes);
        this.admission = admission;
        this.store = store;
        this.metrics = metrics;
        this.statusWriter = new StatusWriter(store, cache, metrics);
        this.stopper = new ContainerStopper(runtime);
        this.backOff = properties.restartBackOff();
        this.startFailures = new StartFailures(backOff);
        this.syncPeriod = properties.syncPeriod();
        this.hostIP = hostIP;
        this.scheme = scheme(runtime.version());
        this.clock = clock;
        this.wake = wake;
    }

    /** The runtime's name as container IDs carry it: {@code docker} for {@code docker://24.0.5}. */
    static String scheme(String runtimeVersion) {
        int end = runtimeVersion.indexOf("://");
        return end < 0 ? runtimeVersion : runtimeVersion.substring(0, end);
    }

    public Duration sync(String uid) {
        Pod pod = cache.get(uid);
        if (pod == null || !hostedNodes.contains(PodFacts.nodeName(pod))) {
            return removeOrphans(uid);
        }
        List<RuntimeContainer> containers = containersOf(pod);
        if (PodFacts.deleting(pod)) {
            terminate(pod, containers);
            return null;
        }
        if (PodFacts.finished(pod)) {
            return null;
        }
        Optional<Admission.Rejection> rejection = admission.admit(pod);
        if (rejection.isPresent()) {
            return reject(pod, rejection.get());
        }
        Instant now = clock.instant();
        Map<String, ContainerStateWaiting> waiting = new HashMap<>();
        Duration next = null;
        boolean started = false;
        for (Container container : pod.spec().containers()) {
            RuntimeContainer latest = containers.stream().filter(c -> c.containerName().equals(container.name()))
                    .max(Comparator.comparingInt(RuntimeContainer::attempt)).orElse(null);
            if (latest != null && (latest.state() != RuntimeContainer.State.EXITED
                    || !restarts(PodFacts.restartPolicy(pod), latest.exitCode()))) {
                continue;
            }
            if (latest != null) {
                Duration delay = restartDelay(latest);
                Instant allowed = latest.finishedAt() == null ? now : latest.finishedAt().plus(delay);
                if (now.isBefore(allowed)) {
                    waiting.put(container.name(), new ContainerStateWaiting(StartFailures.CRASH_LOOP_BACK_OFF,
                            "back-off " + delay.toSeconds() + "s restarting failed container=" + container.name()
                                    + " pod=" + pod.metadata().name() + "_" + pod.metadata().namespace()
                                    + "(" + uid + ")"));
                    next = earliest(next, Duration.between(now, allowed));
                    continue;
                }
            }
            StartFailures.Failure failure = startFailures.get(uid, container.name());
            if (failure != null && now.isBefore(failure.retryAt())) {
                waiting.put(container.name(), failure.backingOff(container.image()));
                next = earliest(next, Duration.between(now, failure.retryAt()));
                continue;
            }
            int attempt = latest == null ? 0 : latest.attempt() + 1;
            ContainerStateWaiting failed = start(pod, container, attempt, now);
            if (failed == null) {
                started = true;
            } else {
                waiting.put(container.name(), failed);
                Instant retryAt = startFailures.get(uid, container.name()).retryAt();
                next = earliest(next, earliest(syncPeriod, Duration.between(now, retryAt)));
            }
        }
        if (started) {
            containers = containersOf(pod);
        }
        PodStatus status = PodStatusCalculator.compute(pod, containers, waiting, hostIP, scheme, now);
        return statusWriter.write(pod, status) == StatusWriter.Outcome.CONFLICT ? Duration.ZERO : next;
    }

    /** Pulls and starts one container; null when it started, else why it waits. */
    private ContainerStateWaiting start(Pod pod, Container container, int attempt, Instant now) {
        String uid = pod.metadata().uid();
        try {
            runtime.pullImage(container.image(), container.imagePullPolicy());
        } catch (ImagePullException e) {
            startFailures.record(uid, container.name(), StartFailures.ERR_IMAGE_PULL, e.getMessage(), now);
            metrics.imagePullFailed();
            log.warn("Could not pull image {} for container {} of pod {}: {}", container.image(), container.name(),
                    PodFacts.describe(pod), e.getMessage());
            return new ContainerStateWaiting(StartFailures.ERR_IMAGE_PULL, e.getMessage());
        }
        try {
            runtime.start(ref(pod), container, attempt);
        } catch (ContainerStartException e) {
            startFailures.record(uid, container.name(), StartFailures.RUN_CONTAINER_ERROR, e.getMessage(), now);
            metrics.containerStartFailed();
            log.warn("Could not start container {} of pod {}: {}", container.name(), PodFacts.describe(pod),
                    e.getMessage());
            return new ContainerStateWaiting(StartFailures.RUN_CONTAINER_ERROR, e.getMessage());
        }
        startFailures.clear(uid, container.name());
        metrics.containerStarted();
        if (attempt > 0) {
            log.info("Restarted container {} of pod {} on {} (restart {})", container.name(), PodFacts.describe(pod),
                    PodFacts.nodeName(pod), attempt);
        }
        return null;
    }

    private Duration reject(Pod pod, Admission.Rejection rejection) {
        metrics.podRejected(rejection.reason());
        log.info("Rejected pod {} on node {}: {}", PodFacts.describe(pod), PodFacts.nodeName(pod), rejection.message());
        PodStatus status = PodStatusCalculator.rejected(pod, rejection.reason(), rejection.message(), hostIP);
        return statusWriter.write(pod, status) == StatusWriter.Outcome.CONFLICT ? Duration.ZERO : null;
    }

    /** Stops the pod's running containers (in the background), then removes them and deletes the pod for good. */
    private void terminate(Pod pod, List<RuntimeContainer> containers) {
        String uid = pod.metadata().uid();
        List<RuntimeContainer> running = containers.stream().filter(RuntimeContainer::running).toList();
        if (!running.isEmpty()) {
            Duration grace = PodFacts.gracePeriod(pod);
            running.forEach(c -> stopper.stop(c, grace, () -> wake.accept(uid)));
            return;
        }
        containers.forEach(c -> runtime.remove(c.id()));
        try {
            store.delete(ResourceKind.POD, pod.metadata().namespace(), pod.metadata().name(),
                    new DeleteOptions(uid, null, 0L, false, null));
            log.info("Deleted pod {} from node {}: its {} containers stopped and were removed", PodFacts.describe(pod),
                    PodFacts.nodeName(pod), containers.size());
        } catch (StatusException e) {
            if (e.code() != 404 && e.code() != 409) {
                throw e;
            }
        }
        forget(uid);
    }

    /** Stops and removes the containers of a pod that no longer exists on a hosted node. */
    private Duration removeOrphans(String uid) {
        forget(uid);
        List<RuntimeContainer> orphans = runtime.containers(hostedNodes).stream()
                .filter(c -> c.pod().uid().equals(uid)).toList();
        for (RuntimeContainer orphan : orphans) {
            if (orphan.running()) {
                stopper.stop(orphan, ORPHAN_GRACE, () -> wake.accept(uid));
            } else {
                runtime.remove(orphan.id());
                log.info("Removed container {} of pod {}/{} from node {}: the pod no longer exists there",
                        orphan.containerName(), orphan.pod().namespace(), orphan.pod().name(), orphan.pod().nodeName());
            }
        }
        return null;
    }

    private void forget(String uid) {
        admission.forget(uid);
        startFailures.forget(uid);
    }

    private List<RuntimeContainer> containersOf(Pod pod) {
        String uid = pod.metadata().uid();
        return runtime.containers(Set.of(PodFacts.nodeName(pod))).stream().filter(c -> c.pod().uid().equals(uid))
                .toList();
    }

    /**
     * The wait before restarting a container that ended: the back-off base after its first run, doubling with
     * every restart up to the maximum, and the base again after a run that lasted twice the maximum.
     */
    Duration restartDelay(RuntimeContainer ended) {
        if (ended.startedAt() != null && ended.finishedAt() != null
                && Duration.between(ended.startedAt(), ended.finishedAt()).compareTo(backOff.max().multipliedBy(2)) >= 0) {
            return backOff.base();
        }
        return backOff.after(ended.attempt() + 1);
    }

    static boolean restarts(String restartPolicy, Integer exitCode) {
        return switch (restartPolicy) {
            case "Always" -> true;
            case "OnFailure" -> exitCode == null || exitCode != 0;
            default -> false;
        };
    }

    private static PodRef ref(Pod pod) {
        return new PodRef(PodFacts.nodeName(pod), pod.metadata().namespace(), pod.metadata().name(),
                pod.metadata().uid());
    }

    private static Duration earliest(Duration a, Duration b) {
        return a == null || b.compareTo(a) < 0 ? b : a;
    }

    /** Stops the background container stops. */
    @Override
    public void close() {
        stopper.close();
    }
}
