package io.kubelite.scheduler.flow;

import java.util.Arrays;

/**
 * A directed network for {@link MinCostFlowSolver}: nodes {@code 0..nodeCount-1}, arcs with an int capacity
 * and a long cost per unit of flow, and an int supply per node (positive: flow enters there; negative: it
 * leaves there). Arcs live in parallel primitive arrays so that a network of hundreds of thousands of arcs
 * costs a few megabytes and no objects per arc.
 */
public final class FlowNetwork {

    private final int nodeCount;
    private final int[] supplies;
    private int arcCount;
    private int[] tails;
    private int[] heads;
    private int[] capacities;
    private long[] costs;

    public FlowNetwork(int nodeCount, int expectedArcs) {
        if (nodeCount < 0 || expectedArcs < 0) {
            throw new IllegalArgumentException("node and arc counts must not be negative");
        }
        this.nodeCount = nodeCount;
        this.supplies = new int[nodeCount];
        int initial = Math.max(expectedArcs, 4);
        this.tails = new int[initial];
        this.heads = new int[initial];
        this.capacities = new int[initial];
        this.costs = new long[initial];
    }

    /** Adds an arc and returns its index, by which {@link FlowSolution#flow(int)} reports its flow. */
    public int addArc(int tail, int head, int capacity, long cost) {
        checkNode(tail);
        checkNode(head);
        if (capacity < 0) {
            throw new IllegalArgumentException("arc capacity must not be negative: " + capacity);
        }
        if (arcCount == tails.length) {
            int grown = tails.length * 2;
            tails = Arrays.copyOf(tails, grown);
            heads = Arrays.copyOf(heads, grown);
            capacities = Arrays.copyOf(capacities, grown);
            costs = Arrays.copyOf(costs, grown);
        }
        tails[arcCount] = tail;
        heads[arcCount] = head;
        capacities[arcCount] = capacity;
        costs[arcCount] = cost;
        return arcCount++;
    }

    /** Changes an arc's cost, keeping the network's shape. */
    public void setCost(int arc, long cost) {
        if (arc < 0 || arc >= arcCount) {
            throw new IllegalArgumentException("no arc " + arc);
        }
        costs[arc] = cost;
    }

    public void setSupply(int node, int supply) {
        checkNode(node);
        supplies[node] = supply;
    }

    public int nodeCount() {
        return nodeCount;
    }

    public int arcCount() {
        return arcCount;
    }

    public int tail(int arc) {
        return tails[arc];
    }

    public int head(int arc) {
        return heads[arc];
    }

    public int capacity(int arc) {
        return capacities[arc];
    }

    public long cost(int arc) {
        return costs[arc];
    }

    public int supply(int node) {
        return supplies[node];
    }

    private void checkNode(int node) {
        if (node < 0 || node >= nodeCount) {
            throw new IllegalArgumentException("node " + node + " is outside 0.." + (nodeCount - 1));
        }
    }
}
