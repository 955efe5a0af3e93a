package io.kubelite.agent.pod;

import io.kubelite.model.core.Node;
import io.kubelite.model.core.Pod;
import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kubelet's resource admission: a pod bound to a node is run only if it fits what the node has left, its
 * allocatable minus the requests of the pods already admitted there and not finished. A stale scheduler can
 * therefore never overcommit a node. A pod with a {@code startTime} was admitted before (perhaps by an earlier run
 * of this agent) and is counted, never rejected.
 */
public final class Admission {

    private final PodCache cache;
    private final Node nodeShape;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();

    /** {@code nodeShape}: a node with the allocatable every hosted node has. */
    public Admission(PodCache cache, Node nodeShape) {
        this.cache = cache;
        this.nodeShape = nodeShape;
    }

    /** Why the node cannot take a pod: Kubernetes' reason ({@code OutOfcpu}) and message. */
    public record Rejection(String reason, String message) { }

    /** Admits the pod, or says why it does not fit. Decisions are made one at a time, so two pods cannot share the last room. */
    public synchronized Optional<Rejection> admit(Pod pod) {
        if (isAdmitted(pod)) {
            return Optional.empty();
        }
        String nodeName = PodFacts.nodeName(pod);
        NodeInfo node = NodeInfo.of(nodeShape);
        for (Pod other : cache.all()) {
            if (nodeName.equals(PodFacts.nodeName(other)) && !other.metadata().uid().equals(pod.metadata().uid())
                    && isAdmitted(other) && !PodFacts.finished(other)) {
                node = node.withPod(PodInfo.of(other));
            }
        }
        Optional<Rejection> rejection = check(PodInfo.of(pod), node);
        if (rejection.isEmpty()) {
            admitted.add(pod.metadata().uid());
        }
        return rejection;
    }

    /** Forgets a pod that is gone. */
    public void forget(String uid) {
        admitted.remove(uid);
    }

    private boolean isAdmitted(Pod pod) {
        return admitted.contains(pod.metadata().uid()) || (pod.status() != null && pod.status().startTime() != null);
    }

    /** The first resource that does not fit, in the kubelet's order: pods, cpu, memory. */
    static Optional<Rejection> check(PodInfo pod, NodeInfo node) {
        if (node.podCount() + 1 > node.allocatablePods()) {
            return Optional.of(rejection("pods", 1, node.podCount(), node.allocatablePods()));
        }
        if (pod.milliCpu() > 0 && pod.milliCpu() > node.allocatableMilliCpu() - node.requestedMilliCpu()) {
            return Optional.of(rejection("cpu", pod.milliCpu(), node.requestedMilliCpu(), node.allocatableMilliCpu()));
        }
        if (pod.memoryBytes() > 0 && pod.memoryBytes() > node.allocatableMemory() - node.requestedMemory()) {
            return Optional.of(rejection("memory", pod.memoryBytes(), node.requestedMemory(), node.allocatableMemory()));
        }
        return Optional.empty();
    }

    private static Rejection rejection(String resource, long requested, long used, long capacity) {
        return new Rejection("OutOf" + resource, "Pod was rejected: Node didn't have enough resource: " + resource
                + ", requested: " + requested + ", used: " + used + ", capacity: " + capacity);
    }
}
