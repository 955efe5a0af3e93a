package io.kubelite.scheduler.plugins;

import io.kubelite.scheduler.framework.FilterPlugin;
import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.List;

/** The pod's cpu, memory and one more pod fit in what the node has left: allocatable minus requested. */
public final class NodeResourcesFit implements FilterPlugin {

    public static final String NAME = "NodeResourcesFit";
    static final String INSUFFICIENT_CPU = "Insufficient cpu";
    static final String INSUFFICIENT_MEMORY = "Insufficient memory";
    static final String TOO_MANY_PODS = "Too many pods";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean readsRequestedResources() {
        return true;
    }

    @Override
    public Status filter(PodInfo pod, NodeInfo node) {
        if (fits(pod, node)) {
            return Status.SUCCESS;
        }
        return Status.unschedulable(insufficientResources(pod, node).toArray(String[]::new));
    }

    /** The fast check: true when nothing is insufficient. */
    static boolean fits(PodInfo pod, NodeInfo node) {
        return node.podCount() + 1 <= node.allocatablePods()
                && (pod.milliCpu() == 0 || pod.milliCpu() <= node.allocatableMilliCpu() - node.requestedMilliCpu())
                && (pod.memoryBytes() == 0
                    || pod.memoryBytes() <= node.allocatableMemory() - node.requestedMemory());
    }

    /** Every resource the node has too little of, in kube-scheduler's words; empty when the pod fits. */
    static List<String> insufficientResources(PodInfo pod, NodeInfo node) {
        List<String> insufficient = new ArrayList<>(3);
        if (node.podCount() + 1 > node.allocatablePods()) {
            insufficient.add(TOO_MANY_PODS);
        }
        if (pod.milliCpu() > 0 && pod.milliCpu() > node.allocatableMilliCpu() - node.requestedMilliCpu()) {
            insufficient.add(INSUFFICIENT_CPU);
        }
        if (pod.memoryBytes() > 0 && pod.memoryBytes() > node.allocatableMemory() - node.requestedMemory()) {
            insufficient.add(INSUFFICIENT_MEMORY);
        }
        return insufficient;
    }
}
