package io.kubelite.agent.node;

import io.kubelite.agent.AgentProperties;
import io.kubelite.model.core.DaemonEndpoint;
import io.kubelite.model.core.Node;
import io.kubelite.model.core.NodeAddress;
import io.kubelite.model.core.NodeCondition;
import io.kubelite.model.core.NodeDaemonEndpoints;
import io.kubelite.model.core.NodeSpec;
import io.kubelite.model.core.NodeStatus;
import io.kubelite.model.core.NodeSystemInfo;
import io.kubelite.model.meta.ObjectMeta;
import io.kubelite.model.quantity.Quantity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every node this agent hosts looks like: its labels, resources, addresses and software.
 *
 * @param capacity cpu, memory and pods; allocatable is the same (nothing is reserved for the system)
 */
public record NodeTemplate(MachineFacts machine, Map<String, Quantity> capacity, String runtimeVersion) {

    public static final String READY = "Ready";
    public static final String AGENT_VERSION = "v0.1.0-kubelite";
    public static final String HOSTNAME_LABEL = "kubernetes.io/hostname";
    public static final String OS_LABEL = "kubernetes.io/os";
    public static final String ARCH_LABEL = "kubernetes.io/arch";

    public static NodeTemplate of(AgentProperties.Capacity configured, MachineFacts machine, String runtimeVersion) {
        Map<String, Quantity> capacity = new LinkedHashMap<>();
        capacity.put("cpu", configured.cpu() == null ? Quantity.of(machine.processors()) : Quantity.parse(configured.cpu()));
        capacity.put("memory", configured.memory() == null
                ? Quantity.ofBytes(machine.memoryBytes()) : Quantity.parse(configured.memory()));
        capacity.put("pods", Quantity.of(configured.pods()));
        return new NodeTemplate(machine, Map.copyOf(capacity), runtimeVersion);
    }

    /** The labels the agent sets on a node; others (set by an administrator) are kept. */
    public Map<String, String> labels(String nodeName) {
        return Map.of(HOSTNAME_LABEL, nodeName, OS_LABEL, machine.operatingSystem(), ARCH_LABEL, machine.architecture());
    }

    /** A new node object, ready; {@code port} is where its agent serves container logs. */
    public Node node(String nodeName, Instant now, int port) {
        ObjectMeta metadata = ObjectMeta.named(nodeName).withLabels(labels(nodeName));
        return Node.of(metadata, new NodeSpec(null, null, null, null, null))
                .withStatus(readyStatus(nodeName, now, now, port));
    }

    /** A node with nothing but this template's capacity and allocatable, as admission measures pods against. */
    public Node shape() {
        return Node.of(ObjectMeta.named("shape"), null)
                .withStatus(new NodeStatus(capacity, capacity, null, null, null, null));
    }

    /** The status of a node whose agent runs; {@code readySince} is when it last became ready. */
    public NodeStatus readyStatus(String nodeName, Instant now, Instant readySince, int port) {
        NodeCondition ready = new NodeCondition(READY, "True", now, readySince, "KubeletReady",
                "node agent is posting ready status");
        List<NodeAddress> addresses = List.of(new NodeAddress("InternalIP", machine.address()),
                new NodeAddress("Hostname", nodeName));
        NodeSystemInfo info = new NodeSystemInfo(null, null, null, machine.kernelVersion(), machine.osImage(),
                runtimeVersion, AGENT_VERSION, null, machine.operatingSystem(), machine.architecture());
        return new NodeStatus(capacity, capacity, List.of(ready), addresses, info,
                new NodeDaemonEndpoints(new DaemonEndpoint(port)));
    }

    /** The Ready condition of a node whose agent has stopped. */
    public static NodeCondition stopped(Instant now) {
        return new NodeCondition(READY, "False", now, now, "KubeletStopped", "the node agent stopped");
    }
}
