package io.kubelite.scheduler.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

/** Certificates that a flow is valid and of minimum cost, independent of how it was found. */
final class FlowChecks {

    static void assertConservesFlowWithinCapacities(String context, FlowNetwork network, FlowSolution solution) {
        long[] excess = new long[network.nodeCount()];
        for (int a = 0; a < network.arcCount(); a++) {
            int flow = solution.flow(a);
            assertThat(flow).as("%s: flow on arc %d", context, a).isBetween(0, network.capacity(a));
            excess[network.tail(a)] -= flow;
            excess[network.head(a)] += flow;
        }
        long routed = 0;
        for (int v = 0; v < network.nodeCount(); v++) {
            // a supply node sends at most its supply, a demand node takes at most its demand
            long netOut = -excess[v];
            int supply = network.supply(v);
            if (supply >= 0) {
                assertThat(netOut).as("%s: net outflow of node %d", context, v).isBetween(0L, (long) supply);
                routed += netOut;
            } else {
                assertThat(-netOut).as("%s: net inflow of node %d", context, v).isBetween(0L, (long) -supply);
            }
        }
        assertThat(routed).as("%s: routed flow", context).isEqualTo(solution.totalFlow());
    }

    /** Bellman-Ford from a virtual root over the residual graph: a relaxation in round n means a negative cycle. */
    static void assertNoNegativeCycleInResidual(String context, FlowNetwork network, FlowSolution solution) {
        int n = network.nodeCount();
        long[] distance = new long[n];
        Arrays.fill(distance, 0);
        boolean relaxed = true;
        for (int round = 0; round <= n && relaxed; round++) {
            relaxed = false;
            for (int a = 0; a < network.arcCount(); a++) {
                int flow = solution.flow(a);
                int tail = network.tail(a);
                int head = network.head(a);
                long cost = network.cost(a);
                if (flow < network.capacity(a) && distance[tail] + cost < distance[head]) {
                    distance[head] = distance[tail] + cost;
                    relaxed = true;
                }
                if (flow > 0 && distance[head] - cost < distance[tail]) {
                    distance[tail] = distance[head] - cost;
                    relaxed = true;
                }
            }
        }
        assertThat(relaxed).as("%s: a negative cycle remains in the residual graph", context).isFalse();
    }

    private FlowChecks() {
    }
}
