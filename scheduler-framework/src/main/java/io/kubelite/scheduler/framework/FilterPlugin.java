package io.kubelite.scheduler.framework;

/** Rules a node out for a pod. */
public interface FilterPlugin extends Plugin {

    /** {@link Status#SUCCESS} when the pod may run on the node, else why not. Must not block or write. */
    Status filter(PodInfo pod, NodeInfo node);

    /**
     * Whether the answer depends on what is already requested on the node. When it does not, the answer holds
     * for every pod with the same {@link PodInfo#constraints()} and for as long as the node object is the same,
     * so algorithms may compute it once per batch instead of once per pod.
     */
    default boolean readsRequestedResources() {
        return false;
    }
}
