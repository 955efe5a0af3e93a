package io.kubelite.scheduler.flow;

import java.util.Arrays;

/**
 * The textbook algorithm, kept deliberately plain as the yardstick for {@link MinCostFlowSolver}: successive
 * shortest paths found by Bellman-Ford over an edge list, one path at a time, augmenting by its bottleneck.
 */
final class ReferenceMinCostFlow {

    record Result(long flow, long cost) {
    }

    static Result solve(FlowNetwork network) {
        int n = network.nodeCount() + 2;
        int source = n - 2;
        int sink = n - 1;
        int m = network.arcCount();
        int edges = 2 * (m + network.nodeCount());
        int[] from = new int[edges];
        int[] to = new int[edges];
        long[] capacity = new long[edges];
        long[] cost = new long[edges];
        int count = 0;
        for (int a = 0; a < m; a++) {
            count = addEdge(from, to, capacity, cost, count, network.tail(a), network.head(a), network.capacity(a),
                    network.cost(a));
        }
        for (int v = 0; v < network.nodeCount(); v++) {
            int supply = network.supply(v);
            if (supply > 0) {
                count = addEdge(from, to, capacity, cost, count, source, v, supply, 0);
            } else if (supply < 0) {
                count = addEdge(from, to, capacity, cost, count, v, sink, -supply, 0);
            }
        }
        long totalFlow = 0;
        long totalCost = 0;
        long[] distance = new long[n];
        int[] via = new int[n];
        while (true) {
            Arrays.fill(distance, Long.MAX_VALUE);
            Arrays.fill(via, -1);
            distance[source] = 0;
            for (int round = 0; round < n; round++) {
                boolean changed = false;
                for (int e = 0; e < count; e++) {
                    if (capacity[e] > 0 && distance[from[e]] != Long.MAX_VALUE
                            && distance[from[e]] + cost[e] < distance[to[e]]) {
                        distance[to[e]] = distance[from[e]] + cost[e];
                        via[to[e]] = e;
                        changed = true;
                    }
                }
                if (!changed) {
                    break;
                }
            }
            if (distance[sink] == Long.MAX_VALUE) {
                return new Result(totalFlow, totalCost);
            }
            long bottleneck = Long.MAX_VALUE;
            for (int v = sink; v != source; v = from[via[v]]) {
                bottleneck = Math.min(bottleneck, capacity[via[v]]);
            }
            for (int v = sink; v != source; v = from[via[v]]) {
                capacity[via[v]] -= bottleneck;
                capacity[via[v] ^ 1] += bottleneck;
            }
            totalFlow += bottleneck;
            totalCost += bottleneck * distance[sink];
        }
    }

    private static int addEdge(int[] from, int[] to, long[] capacity, long[] cost, int count, int tail, int head,
            long cap, long unitCost) {
        from[count] = tail;
        to[count] = head;
        capacity[count] = cap;
        cost[count] = unitCost;
        from[count + 1] = head;
        to[count + 1] = tail;
        capacity[count + 1] = 0;
        cost[count + 1] = -unitCost;
        return count + 2;
    }

    private ReferenceMinCostFlow() {
    }
}
