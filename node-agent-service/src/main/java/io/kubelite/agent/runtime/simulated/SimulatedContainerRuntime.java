package io.kubelite.agent.runtime.simulated;

import io.kubelite.agent.runtime.ContainerRuntime;
import io.kubelite.agent.runtime.LogOptions;
import io.kubelite.agent.runtime.PodRef;
import io.kubelite.agent.runtime.RuntimeContainer;
import io.kubelite.model.core.Container;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Containers that exist only in memory, like kwok's: a started container runs at once and until it is stopped
 * (or {@link #exit ended} by a scenario), images are always present, and a pod gets a made-up IP address from
 * its node's range ({@code 10.x.y.0/24}, one range per node). Lets one process host many virtual nodes.
 */
public final class SimulatedContainerRuntime implements ContainerRuntime {

    public static final String VERSION = "simulated://0.1.0";
    private static final Pattern NUMBERED = Pattern.compile(".*-(\\d+)");

    private final Clock clock;
    private final Map<String, Map<String, RuntimeContainer>> byNode = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> nextHostByNode = new ConcurrentHashMap<>();
    private final Map<String, String> podIps = new ConcurrentHashMap<>();

    public SimulatedContainerRuntime(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<RuntimeContainer> containers(Set<String> nodeNames) {
        List<RuntimeContainer> found = new ArrayList<>();
        for (String nodeName : nodeNames) {
            Map<String, RuntimeContainer> containers = byNode.get(nodeName);
            if (containers != null) {
                found.addAll(containers.values());
            }
        }
        return found;
    }

    @Override
    public void pullImage(String image, String pullPolicy) {
        // every image is present
    }

    @Override
    public RuntimeContainer start(PodRef pod, Container container, int attempt) {
        String id = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        RuntimeContainer started = new RuntimeContainer(id, pod, container.name(), attempt,
                RuntimeContainer.State.RUNNING, container.image(), "simulated://" + container.image(),
                clock.instant(), null, null, null, null, podIp(pod));
        byNode.computeIfAbsent(pod.nodeName(), n -> new ConcurrentHashMap<>()).put(id, started);
        return started;
    }

    /** A simulated container ends cleanly when asked to stop: exit code 0, Completed. */
    @Override
    public void stop(String containerId, Duration gracePeriod) {
        exit(containerId, 0);
    }

    /** Ends a running container as if its process exited with this code (0: Completed, else Error). */
    public void exit(String containerId, int exitCode) {
        for (Map<String, RuntimeContainer> containers : byNode.values()) {
            containers.computeIfPresent(containerId, (id, c) -> c.running()
                    ? new RuntimeContainer(id, c.pod(), c.containerName(), c.attempt(), RuntimeContainer.State.EXITED,
                            c.image(), c.imageId(), c.startedAt(), clock.instant(), exitCode,
                            exitCode == 0 ? "Completed" : "Error", null, null)
                    : c);
        }
    }

    @Override
    public void remove(String containerId) {
        for (Map<String, RuntimeContainer> containers : byNode.values()) {
            RuntimeContainer removed = containers.remove(containerId);
            if (removed != null && containers.values().stream().noneMatch(c -> c.pod().uid().equals(removed.pod().uid()))) {
                podIps.remove(removed.pod().uid());
            }
        }
    }

    @Override
    public void logs(String containerId, LogOptions options, OutputStream out) throws IOException {
        RuntimeContainer container = find(containerId);
        String name = container == null ? containerId
                : container.containerName() + " of pod " + container.pod().namespace() + "/" + container.pod().name();
        out.write(("container " + name + " is simulated: it writes no output\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public String version() {
        return VERSION;
    }

    private RuntimeContainer find(String containerId) {
        for (Map<String, RuntimeContainer> containers : byNode.values()) {
            RuntimeContainer container = containers.get(containerId);
            if (container != null) {
                return container;
            }
        }
        return null;
    }

    /**
     * A node's range, the same in every agent process: the number a name like {@code node-3} ends in (so the
     * nodes of one prefix never share a range, whichever agent hosts them), else a hash of the name.
     */
    static int range(String nodeName) {
        Matcher numbered = NUMBERED.matcher(nodeName);
        int range = numbered.matches() && numbered.group(1).length() <= 5
                ? Integer.parseInt(numbered.group(1)) : nodeName.hashCode();
        return Math.floorMod(range, 65_535) + 1;
    }

    /** The same address for every container of a pod, from its node's range. */
    private String podIp(PodRef pod) {
        return podIps.computeIfAbsent(pod.uid(), uid -> {
            int range = range(pod.nodeName());
            int host = nextHostByNode.computeIfAbsent(pod.nodeName(), n -> new AtomicInteger())
                    .getAndIncrement() % 254 + 1;
            return "10." + (range >> 8 & 255) + "." + (range & 255) + "." + host;
        });
    }
}
