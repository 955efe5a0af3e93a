package io.kubelite.agent.runtime;

import io.kubelite.model.core.Container;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Runs the containers of the pods bound to this agent's nodes. The agent decides what should run; a runtime
 * only does what it is told and reports what it holds, so that the same reconciliation drives real Docker
 * containers and simulated ones. Every container a runtime starts carries its pod's identity, so an agent
 * that restarts finds (and adopts) what it already runs.
 */
public interface ContainerRuntime {

    /** Every container held for pods of these nodes, running or ended, as found now. */
    List<RuntimeContainer> containers(Set<String> nodeNames);

    /**
     * Makes the image present according to the pull policy ({@code Always}, {@code IfNotPresent} or
     * {@code Never}).
     *
     * @throws ImagePullException with the engine's message when the image cannot be had
     */
    void pullImage(String image, String pullPolicy) throws ImagePullException;

    /**
     * Creates and starts one container of a pod, with its command, args, env, working dir, ports and
     * limits. {@code attempt} counts the container's earlier runs (its restart count).
     *
     * @throws ContainerStartException with the engine's message when the container cannot start
     */
    RuntimeContainer start(PodRef pod, Container container, int attempt) throws ContainerStartException;

    /** Sends SIGTERM, then SIGKILL when the container is still running after the grace period. */
    void stop(String containerId, Duration gracePeriod);

    /** Removes an ended container; removing one that is already gone is not an error. */
    void remove(String containerId);

    /**
     * Writes the container's output (stdout and stderr as they interleave) to {@code out}. With
     * {@code follow}, keeps writing until the container ends or {@code out} fails.
     */
    void logs(String containerId, LogOptions options, OutputStream out) throws IOException;

    /** The runtime's name and version, as a Node reports it in {@code nodeInfo.containerRuntimeVersion}. */
    String version();
}
