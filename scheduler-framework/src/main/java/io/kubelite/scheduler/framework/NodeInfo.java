package io.kubelite.scheduler.framework;

import io.kubelite.model.core.Node;
import io.kubelite.model.quantity.Quantity;
import java.util.Map;

/**
 * A node and what the pods bound to it (and not finished) request of it. Immutable: adding a pod makes a new
 * value, so a snapshot handed to an algorithm never changes under it.
 *
 * @param node                 the node object
 * @param allocatableMilliCpu  {@code status.allocatable.cpu} in thousandths of a core (capacity when absent)
 * @param allocatableMemory    {@code status.allocatable.memory} in bytes
 * @param allocatablePods      {@code status.allocatable.pods}
 * @param requestedMilliCpu    cpu requested by the node's pods
 * @param requestedMemory      memory requested by the node's pods
 * @param podCount             how many pods the node runs
 */
public record NodeInfo(Node node, long allocatableMilliCpu, long allocatableMemory, long allocatablePods,
                       long requestedMilliCpu, long requestedMemory, int podCount) {

    public static final String PODS = "pods";

    /** A node that runs nothing yet. */
    public static NodeInfo of(Node node) {
        return new NodeInfo(node, allocatable(node, PodInfo.CPU, true), allocatable(node, PodInfo.MEMORY, false),
                allocatable(node, PODS, false), 0, 0, 0);
    }

    public String name() {
        return node.metadata().name();
    }

    /** The same requests on a new version of the node. */
    public NodeInfo withNode(Node changed) {
        NodeInfo fresh = of(changed);
        return new NodeInfo(changed, fresh.allocatableMilliCpu, fresh.allocatableMemory, fresh.allocatablePods,
                requestedMilliCpu, requestedMemory, podCount);
    }

    public NodeInfo withPod(PodInfo pod) {
        return new NodeInfo(node, allocatableMilliCpu, allocatableMemory, allocatablePods,
                requestedMilliCpu + pod.milliCpu(), requestedMemory + pod.memoryBytes(), podCount + 1);
    }

    public NodeInfo withoutPod(PodInfo pod) {
        return new NodeInfo(node, allocatableMilliCpu, allocatableMemory, allocatablePods,
                requestedMilliCpu - pod.milliCpu(), requestedMemory - pod.memoryBytes(), podCount - 1);
    }

    private static long allocatable(Node node, String resource, boolean millis) {
        if (node.status() == null) {
            return 0;
        }
        Quantity quantity = find(node.status().allocatable(), resource);
        if (quantity == null) {
            quantity = find(node.status().capacity(), resource);
        }
        if (quantity == null) {
            return 0;
        }
        return millis ? quantity.milliValue() : quantity.value();
    }

    private static Quantity find(Map<String, Quantity> resources, String resource) {
        return resources == null ? null : resources.get(resource);
    }
}
