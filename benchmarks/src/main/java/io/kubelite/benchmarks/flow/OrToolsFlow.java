package io.kubelite.benchmarks.flow;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import io.kubelite.scheduler.flow.FlowNetwork;

/** OR-Tools' SimpleMinCostFlow (cost scaling push-relabel) loaded with one of our networks, for comparison. */
final class OrToolsFlow {

    private static boolean loaded;

    /** Loads OR-Tools' native libraries, once; fails with UnsatisfiedLinkError where they cannot load. */
    static synchronized void loadNativeLibraries() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    private final MinCostFlow flow;

    OrToolsFlow(FlowNetwork network) {
        loadNativeLibraries();
        flow = new MinCostFlow(network.nodeCount(), network.arcCount());
        for (int a = 0; a < network.arcCount(); a++) {
            flow.addArcWithCapacityAndUnitCost(network.tail(a), network.head(a), network.capacity(a), network.cost(a));
        }
        for (int v = 0; v < network.nodeCount(); v++) {
            flow.setNodeSupply(v, network.supply(v));
        }
    }

    /** Solves, requiring every supply to be met, and returns the optimal cost. */
    long solve() {
        MinCostFlowBase.Status status = flow.solve();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("OR-Tools did not find an optimal flow: " + status);
        }
        return flow.getOptimalCost();
    }

    long flow(int arc) {
        return flow.getFlow(arc);
    }

    void delete() {
        flow.delete();
    }
}
