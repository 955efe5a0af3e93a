package io.kubelite.scheduler.flow;

/**
 * Whether pods of a class may run on a node at all, apart from resources: node readiness, node selectors,
 * taints and tolerations. Resource fit is the flow model's own business.
 */
@FunctionalInterface
public interface ClassNodeFilter {

    boolean feasible(int podClass, int node);
}
