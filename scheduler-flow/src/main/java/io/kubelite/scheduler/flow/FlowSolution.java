package io.kubelite.scheduler.flow;

/**
 * The result of {@link MinCostFlowSolver#solve}: the flow on every arc of the network (by the index
 * {@link FlowNetwork#addArc} returned), the total flow routed from supply to demand nodes and its cost.
 * {@code feasible} is true when every supply reached a demand; otherwise the flow is the largest the
 * capacities allow, at the least cost among flows of that size.
 */
public record FlowSolution(boolean feasible, long totalFlow, long totalCost, int[] arcFlows) {

    public int flow(int arc) {
        return arcFlows[arc];
    }
}
