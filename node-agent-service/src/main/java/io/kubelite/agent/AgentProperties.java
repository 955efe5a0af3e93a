package io.kubelite.agent;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The node agent's settings ({@code kubelite.agent.*}).
 *
 * @param nodeName          the node's name: the machine's host name by default, {@code sim} with the simulated
 *                          runtime
 * @param runtime           {@code docker} (default) or {@code simulated}
 * @param nodes             simulated runtime only: how many virtual nodes this process hosts (1), named
 *                          {@code <node-name>-1} to {@code <node-name>-N}
 * @param firstNode         simulated runtime only: the number the first virtual node's name ends in (1), so that
 *                          several agents share one prefix: {@code first-node=3} and {@code nodes=2} host
 *                          {@code <node-name>-3} and {@code <node-name>-4}
 * @param address           the address the nodes report as {@code InternalIP}, where the API server fetches
 *                          container logs; default the machine's first non-loopback IPv4 address
 * @param capacity          what each node offers; allocatable is the same
 * @param heartbeatInterval how often the leases of all hosted nodes are renewed, in one write (2s)
 * @param leaseDuration     how long a lease promises the node is alive without renewal (40s, as Kubernetes)
 * @param nodeStatusPeriod  how often the agent checks its nodes still show Ready and says so again if not (5s):
 *                          after a pause, or after someone deleted the Node object
 * @param restartBackOff    the delay before a container that ended (or failed to pull or start) is tried again
 * @param syncPeriod        how often the runtime is listed to notice containers that ended (1s); also the pause
 *                          before a failed pull shows {@code ImagePullBackOff}
 * @param workers           threads reconciling pods (16); each pod is reconciled by one at a time, and their status
 *                          writes go to the store together, which commits them as a group
 */
@ConfigurationProperties("kubelite.agent")
public record AgentProperties(String nodeName,
                              @DefaultValue("docker") String runtime,
                              @DefaultValue("1") int nodes,
                              @DefaultValue("1") int firstNode,
                              String address,
                              @DefaultValue Capacity capacity,
                              @DefaultValue("2s") Duration heartbeatInterval,
                              @DefaultValue("40s") Duration leaseDuration,
                              @DefaultValue("5s") Duration nodeStatusPeriod,
                              @DefaultValue RestartBackOff restartBackOff,
                              @DefaultValue("1s") Duration syncPeriod,
                              @DefaultValue("16") int workers) {

    public static final String DOCKER = "docker";
    public static final String SIMULATED = "simulated";

    public AgentProperties {
        if (!DOCKER.equals(runtime) && !SIMULATED.equals(runtime)) {
            throw new IllegalArgumentException("Unknown kubelite.agent.runtime '" + runtime
                    + "': use docker or simulated");
        }
        if (nodes < 1 || (nodes > 1 && !SIMULATED.equals(runtime))) {
            throw new IllegalArgumentException("kubelite.agent.nodes=" + nodes
                    + ": one agent hosts one node, or 1 or more virtual nodes with kubelite.agent.runtime=simulated");
        }
    }

    public boolean simulated() {
        return SIMULATED.equals(runtime);
    }

    /** The names of the nodes this agent hosts: its node, or the virtual nodes of the simulated runtime. */
    public List<String> hostedNodeNames(String hostName) {
        if (!simulated()) {
            return List.of(nodeName == null ? hostName : nodeName);
        }
        String prefix = nodeName == null ? "sim" : nodeName;
        return IntStream.range(firstNode, firstNode + nodes).mapToObj(i -> prefix + "-" + i).toList();
    }

    /**
     * @param cpu    cores, as a Kubernetes quantity ({@code 4}, {@code 3500m}); default the machine's processors
     * @param memory bytes, as a quantity ({@code 8Gi}); default the machine's physical memory
     * @param pods   how many pods a node runs at most (110, as Kubernetes)
     */
    public record Capacity(String cpu, String memory, @DefaultValue("110") int pods) { }

    /**
     * Exponential back-off: {@code base} after the first failure, doubling up to {@code max}. Kubernetes waits
     * 10s doubling to 300s; these defaults (1s to 60s) suit a development cluster, where a fixed container should
     * come back quickly.
     */
    public record RestartBackOff(@DefaultValue("1s") Duration base, @DefaultValue("60s") Duration max) {

        /** The delay after this many failures in a row (1 or more). */
        public Duration after(int failures) {
            int doublings = Math.min(Math.max(failures - 1, 0), 30);
            Duration delay = base.multipliedBy(1L << doublings);
            return delay.compareTo(max) > 0 ? max : delay;
        }
    }
}
