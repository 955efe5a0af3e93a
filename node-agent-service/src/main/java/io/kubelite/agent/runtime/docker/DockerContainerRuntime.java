package io.kubelite.agent.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.kubelite.agent.runtime.ContainerRuntime;
import io.kubelite.agent.runtime.ContainerStartException;
import io.kubelite.agent.runtime.ImagePullException;
import io.kubelite.agent.runtime.LogOptions;
import io.kubelite.agent.runtime.PodRef;
import io.kubelite.agent.runtime.RuntimeContainer;
import io.kubelite.model.core.Container;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs pod containers as Docker containers, through the engine's API (docker-java). Each container carries
 * its pod's identity in labels ({@code io.kubelite.node}, {@code io.kubelite.pod.namespace},
 * {@code io.kubelite.pod.name}, {@code io.kubelite.pod.uid}, {@code io.kubelite.container.name},
 * {@code io.kubelite.container.attempt}) and is named
 * {@code kubelite_<node>_<namespace>_<pod>_<container>_<attempt>}. Docker never restarts them: restarts are
 * the agent's, as new containers with the next attempt number.
 */
public class DockerContainerRuntime implements ContainerRuntime, AutoCloseable {

    /** Long enough for an engine on another machine, short enough that a wrong address fails fast. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final DockerClient docker;
    private final String clusterUid;
    /**
     * What inspect said about each listed container, kept while the listed state is unchanged: a running
     * container's start time and address, and an ended container's exit, never change, so a relist every
     * second costs one list call and an inspect only for containers that changed.
     */
    private final Map<String, RuntimeContainer> inspected = new ConcurrentHashMap<>();
    private volatile Integer engineCpus;

    /** @param clusterUid the uid of the cluster whose containers this runtime runs and lists, and no others */
    public DockerContainerRuntime(DockerClient docker, String clusterUid) {
        this.docker = docker;
        this.clusterUid = clusterUid;
    }

    /** A runtime talking to the engine at {@code properties.host()}, at the engine's own API version. */
    public static DockerContainerRuntime connect(DockerProperties properties, String clusterUid) {
        return new DockerContainerRuntime(client(properties), clusterUid);
    }

    static DockerClient client(DockerProperties properties) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(properties.host())
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(CONNECT_TIMEOUT)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    @Override
    public List<RuntimeContainer> containers(Set<String> nodeNames) {
        if (nodeNames.isEmpty()) {
            return List.of();
        }
        List<com.github.dockerjava.api.model.Container> listed = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(ContainerIdentity.CLUSTER, clusterUid))
                .exec();
        List<RuntimeContainer> found = new ArrayList<>();
        Set<String> listedIds = new HashSet<>();
        for (com.github.dockerjava.api.model.Container container : listed) {
            listedIds.add(container.getId());
            Optional<ContainerIdentity> identity = ContainerIdentity.fromLabels(container.getLabels());
            if (identity.isEmpty() || !nodeNames.contains(identity.get().pod().nodeName())) {
                continue;
            }
            RuntimeContainer known = inspected.get(container.getId());
            if (known == null || known.state() != InspectedContainers.state(container.getState())) {
                known = inspect(container.getId(), identity.get()).orElse(null);
            }
            if (known != null) {
                found.add(known);
            }
        }
        inspected.keySet().retainAll(listedIds);
        return found;
    }

    /** A missing policy counts as {@code IfNotPresent}: the API server defaults it before a pod gets here. */
    @Override
    public void pullImage(String image, String pullPolicy) throws ImagePullException {
        switch (pullPolicy == null ? "IfNotPresent" : pullPolicy) {
            case "Always" -> pull(image);
            case "IfNotPresent" -> {
                if (!imagePresent(image)) {
                    pull(image);
                }
            }
            case "Never" -> requirePresent(image);
            default -> throw new IllegalArgumentException("unknown imagePullPolicy " + pullPolicy
                    + ": expected Always, IfNotPresent or Never");
        }
    }

    @Override
    public RuntimeContainer start(PodRef pod, Container container, int attempt) throws ContainerStartException {
        ContainerIdentity identity = new ContainerIdentity(clusterUid, pod, container.name(), attempt);
        String id;
        try {
            id = ContainerSpecs.apply(docker.createContainerCmd(container.image()), identity, container, engineCpus())
                    .exec()
                    .getId();
        } catch (DockerException e) {
            throw new ContainerStartException(EngineMessages.of(e), e);
        }
        try {
            docker.startContainerCmd(id).exec();
        } catch (DockerException e) {
            // A container that never ran is of no use to anyone: leave nothing behind.
            remove(id);
            throw new ContainerStartException(EngineMessages.of(e), e);
        }
        return inspect(id, identity)
                .orElseThrow(() -> new ContainerStartException("container " + id + " was removed as it started", null));
    }

    @Override
    public void stop(String containerId, Duration gracePeriod) {
        // Docker counts the grace period in whole seconds: round up, never cut it short.
        long seconds = Math.max(0, gracePeriod.toSeconds() + (gracePeriod.toNanosPart() > 0 ? 1 : 0));
        try {
            docker.stopContainerCmd(containerId).withTimeout((int) Math.min(seconds, Integer.MAX_VALUE)).exec();
        } catch (NotModifiedException | NotFoundException e) {
            // already stopped, or already gone: either way it no longer runs
        }
    }

    @Override
    public void remove(String containerId) {
        try {
            docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already removed
        } catch (ConflictException e) {
            // "removal of container ... is already in progress": another sync got there first
            if (!String.valueOf(e.getMessage()).contains("already in progress")) {
                throw e;
            }
        }
        inspected.remove(containerId);
    }

    @Override
    public void logs(String containerId, LogOptions options, OutputStream out) throws IOException {
        LogContainerCmd command = docker.logContainerCmd(containerId)
                .withStdOut(true)
                .withStdErr(true)
                .withFollowStream(options.follow());
        if (options.tailLines() == null) {
            command.withTailAll();
        } else {
            command.withTail(options.tailLines());
        }
        try (LogCopier copier = command.exec(new LogCopier(out))) {
            copier.awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the logs of container " + containerId);
        }
    }

    @Override
    public String version() {
        return "docker://" + docker.versionCmd().exec().getVersion();
    }

    @Override
    public void close() throws IOException {
        docker.close();
    }

    private Optional<RuntimeContainer> inspect(String id, ContainerIdentity identity) {
        try {
            InspectContainerResponse response = docker.inspectContainerCmd(id).exec();
            RuntimeContainer container = InspectedContainers.toRuntimeContainer(response, identity);
            inspected.put(id, container);
            return Optional.of(container);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private boolean imagePresent(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void requirePresent(String image) throws ImagePullException {
        try {
            docker.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            throw new ImagePullException("Container image \"" + image + "\" is not present with pull policy of Never: "
                    + EngineMessages.of(e), e);
        }
    }

    private void pull(String image) throws ImagePullException {
        docker.pullImageCmd(withDefaultTag(image)).exec(new ImagePull(image)).awaitSuccess();
    }

    /** Docker pulls every tag of a repository named without one; Kubernetes means {@code latest}. */
    static String withDefaultTag(String image) {
        int lastSlash = image.lastIndexOf('/');
        boolean tagged = image.contains("@") || image.indexOf(':', lastSlash + 1) >= 0;
        return tagged ? image : image + ":latest";
    }

    /** The engine's CPU count, asked once: the cap of a container's CPU limit. */
    private int engineCpus() {
        Integer cpus = engineCpus;
        if (cpus == null) {
            cpus = docker.infoCmd().exec().getNCPU();
            engineCpus = cpus;
        }
        return cpus;
    }
}
