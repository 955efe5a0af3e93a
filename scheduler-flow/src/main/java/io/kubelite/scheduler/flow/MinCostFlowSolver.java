package io.kubelite.scheduler.flow;

import java.util.Arrays;

/**
 * Minimum-cost flow by one of two {@link Method methods} over the same residual graph: the primal-dual method
 * (successive shortest paths, each Dijkstra followed by a blocking flow along all shortest paths at once) or
 * cost scaling (a maximum flow, then Goldberg-Tarjan push-relabel refinements of ε-optimal flows).
 *
 * <p>Supplies are routed through an internal super source and super sink. The result sends as much of the
 * supply as the capacities allow, at the least cost for that amount; arcs of negative cost are allowed as
 * long as no cycle of negative cost has capacity (that is rejected with an IllegalArgumentException).
 *
 * <p>The residual graph is laid out in compressed sparse rows: the arcs leaving a node are contiguous, each
 * arc knows its reverse by position. A solver instance is not thread-safe; solve one network at a time.
 */
public final class MinCostFlowSolver {

    /** How the solver finds the optimum; both return an optimal flow, they differ in time. */
    public enum Method {
        /**
         * Successive shortest paths: one Dijkstra phase per distinct length of a cheapest augmenting path. Fast
         * when a few cost levels separate the empty flow from the optimum (capacity to spare).
         */
        PRIMAL_DUAL,
        /**
         * A cost-blind maximum flow, then push-relabel refinements dividing ε by {@value #SCALING_FACTOR} each
         * time: a number of refinements logarithmic in the largest cost, however many cost levels the optimum
         * climbs through (tight capacities, many pods left pending).
         */
        COST_SCALING
    }

    /** How much each cost-scaling refinement divides ε by; 5 to 16 measured alike on scheduling graphs. */
    private static final int SCALING_FACTOR = 8;
    private static final long UNREACHED = Long.MAX_VALUE / 4;

    private final Method method;

    private int nodes;
    private int source;
    private int sink;
    private int[] firstArc;
    private int[] arcHead;
    private int[] residual;
    private long[] arcCost;
    private int[] reverse;
    private long[] potential;
    private long[] distance;
    private int[] level;
    private int[] currentArc;
    private int[] queue;
    private int[] pathArcs;
    private IndexedHeap heap;
    private long[] excess;
    private boolean[] active;
    private boolean ignoreCosts;

    /** A solver by the primal-dual method. */
    public MinCostFlowSolver() {
        this(Method.PRIMAL_DUAL);
    }

    public MinCostFlowSolver(Method method) {
        this.method = method;
    }

    public FlowSolution solve(FlowNetwork network) {
        int[] forwardPosition = layOut(network);
        initialPotentials();
        if (method == Method.PRIMAL_DUAL) {
            while (shortestDistancesToSink()) {
                updatePotentials();
                while (levelAdmissibleArcs()) {
                    augmentBlockingFlow();
                }
            }
        } else {
            ignoreCosts = true;
            while (levelAdmissibleArcs()) {
                augmentBlockingFlow();
            }
            ignoreCosts = false;
            scaleCosts();
        }
        return solution(network, forwardPosition);
    }

    /** Builds the residual graph in CSR order; returns the position of each network arc's forward copy. */
    private int[] layOut(FlowNetwork network) {
        int m = network.arcCount();
        nodes = network.nodeCount() + 2;
        source = nodes - 2;
        sink = nodes - 1;
        int supplyArcs = 0;
        for (int v = 0; v < network.nodeCount(); v++) {
            if (network.supply(v) != 0) {
                supplyArcs++;
            }
        }
        int residualArcs = 2 * (m + supplyArcs);
        allocate(nodes, residualArcs);
        Arrays.fill(firstArc, 0, nodes + 1, 0);
        for (int a = 0; a < m; a++) {
            firstArc[network.tail(a) + 1]++;
            firstArc[network.head(a) + 1]++;
        }
        for (int v = 0; v < network.nodeCount(); v++) {
            if (network.supply(v) != 0) {
                firstArc[v + 1]++;
                firstArc[(network.supply(v) > 0 ? source : sink) + 1]++;
            }
        }
        for (int v = 0; v < nodes; v++) {
            firstArc[v + 1] += firstArc[v];
        }
        int[] fill = Arrays.copyOf(firstArc, nodes);
        int[] forwardPosition = new int[m];
        for (int a = 0; a < m; a++) {
            forwardPosition[a] = place(fill, network.tail(a), network.head(a), network.capacity(a), network.cost(a));
        }
        for (int v = 0; v < network.nodeCount(); v++) {
            int supply = network.supply(v);
            if (supply > 0) {
                place(fill, source, v, supply, 0);
            } else if (supply < 0) {
                place(fill, v, sink, -supply, 0);
            }
        }
        return forwardPosition;
    }

    /**
     * Sizes the working arrays for a network, keeping those of an earlier, larger one: a scheduler solves a
     * network of about the same size every round, and need not allocate megabytes each time.
     */
    private void allocate(int nodeCount, int residualArcs) {
        if (firstArc == null || firstArc.length < nodeCount + 1) {
            int capacity = nodeCount + nodeCount / 4;
            firstArc = new int[capacity + 1];
            potential = new long[capacity];
            distance = new long[capacity];
            level = new int[capacity];
            currentArc = new int[capacity];
            queue = new int[capacity];
            pathArcs = new int[capacity];
            excess = new long[capacity];
            active = new boolean[capacity];
            heap = new IndexedHeap(capacity, distance);
        }
        if (arcHead == null || arcHead.length < residualArcs) {
            int capacity = residualArcs + residualArcs / 4;
            arcHead = new int[capacity];
            residual = new int[capacity];
            arcCost = new long[capacity];
            reverse = new int[capacity];
        }
    }

    private int place(int[] fill, int tail, int head, int capacity, long cost) {
        int forward = fill[tail]++;
        int backward = fill[head]++;
        arcHead[forward] = head;
        residual[forward] = capacity;
        arcCost[forward] = cost;
        reverse[forward] = backward;
        arcHead[backward] = tail;
        residual[backward] = 0;
        arcCost[backward] = -cost;
        reverse[backward] = forward;
        return forward;
    }

    /**
     * Potentials that make every residual arc's reduced cost non-negative: zero when no arc costs less than
     * zero, otherwise shortest distances from the source by Bellman-Ford (queue-based); a shortest path of as
     * many arcs as there are nodes reveals a negative cycle. Nodes the source cannot reach never become
     * reachable, so their potential is irrelevant.
     */
    private void initialPotentials() {
        Arrays.fill(potential, 0, nodes, 0);
        boolean negative = false;
        for (int p = 0; p < firstArc[nodes] && !negative; p++) {
            negative = residual[p] > 0 && arcCost[p] < 0;
        }
        if (!negative) {
            return;
        }
        Arrays.fill(potential, 0, nodes, UNREACHED);
        int[] pathLength = new int[nodes];
        boolean[] queued = new boolean[nodes];
        int[] ring = new int[nodes];
        int head = 0;
        int size = 1;
        ring[0] = source;
        queued[source] = true;
        potential[source] = 0;
        while (size > 0) {
            int u = ring[head];
            head = (head + 1) % nodes;
            size--;
            queued[u] = false;
            for (int p = firstArc[u]; p < firstArc[u + 1]; p++) {
                int v = arcHead[p];
                if (residual[p] > 0 && potential[u] + arcCost[p] < potential[v]) {
                    potential[v] = potential[u] + arcCost[p];
                    pathLength[v] = pathLength[u] + 1;
                    if (pathLength[v] >= nodes) {
                        throw new IllegalArgumentException("the network has a cycle of negative cost");
                    }
                    if (!queued[v]) {
                        queued[v] = true;
                        ring[(head + size) % nodes] = v;
                        size++;
                    }
                }
            }
        }
        for (int v = 0; v < nodes; v++) {
            if (potential[v] == UNREACHED) {
                potential[v] = 0;
            }
        }
    }

    /** Dijkstra on reduced costs from the source, stopped when the sink is settled; false if unreachable. */
    private boolean shortestDistancesToSink() {
        Arrays.fill(distance, 0, nodes, UNREACHED);
        heap.clear();
        distance[source] = 0;
        heap.insertOrDecrease(source);
        while (!heap.isEmpty()) {
            int u = heap.removeMin();
            if (u == sink) {
                return true;
            }
            long du = distance[u] + potential[u];
            for (int p = firstArc[u], end = firstArc[u + 1]; p < end; p++) {
                if (residual[p] > 0) {
                    int v = arcHead[p];
                    long dv = du + arcCost[p] - potential[v];
                    if (dv < distance[v]) {
                        distance[v] = dv;
                        heap.insertOrDecrease(v);
                    }
                }
            }
        }
        return false;
    }

    /**
     * Adds min(distance, distance to sink) to every potential: reduced costs stay non-negative and exactly
     * the arcs on shortest source-sink paths get reduced cost zero.
     */
    private void updatePotentials() {
        long toSink = distance[sink];
        for (int v = 0; v < nodes; v++) {
            potential[v] += Math.min(distance[v], toSink);
        }
    }

    /** Residual and of zero reduced cost; while a cost-blind maximum flow is sought, residual only. */
    private boolean admissible(int u, int p) {
        return residual[p] > 0 && (ignoreCosts || arcCost[p] + potential[u] == potential[arcHead[p]]);
    }

    /**
     * Cost scaling from the maximum flow found: costs are multiplied by n + 1, so that a flow ε-optimal for
     * ε = 1 (no residual arc of reduced cost below -1) is optimal for the true costs, and ε starts at the largest
     * scaled cost, where every flow is ε-optimal. Each refinement keeps every node's balance, so the flow's
     * amount stays the maximum.
     */
    private void scaleCosts() {
        Arrays.fill(potential, 0, nodes, 0);
        Arrays.fill(excess, 0, nodes, 0);
        long scale = nodes + 1L;
        long largest = 0;
        int arcs = firstArc[nodes];
        for (int p = 0; p < arcs; p++) {
            largest = Math.max(largest, Math.abs(arcCost[p]));
        }
        if (largest > Long.MAX_VALUE / 8 / scale / scale) {
            throw new IllegalArgumentException("arc costs up to " + largest + " are too large to scale");
        }
        for (int p = 0; p < arcs; p++) {
            arcCost[p] *= scale;
        }
        for (long epsilon = largest * scale; epsilon > 1; ) {
            epsilon = Math.max(1, epsilon / SCALING_FACTOR);
            refine(epsilon);
        }
    }

    /**
     * Turns the (SCALING_FACTOR × ε)-optimal flow into an ε-optimal one: saturates every arc of negative reduced
     * cost, then discharges the nodes left with excess (FIFO) by pushing along arcs of negative reduced cost
     * and relabelling, with Goldberg's look-ahead: a push would only pass on the excess of a node with none of
     * its own and no admissible arc, so that node is relabelled first.
     */
    private void refine(long epsilon) {
        for (int u = 0; u < nodes; u++) {
            for (int p = firstArc[u], end = firstArc[u + 1]; p < end; p++) {
                int r = residual[p];
                if (r > 0 && reducedCost(u, p) < 0) {
                    push(u, p, r);
                }
            }
        }
        int head = 0;
        int size = 0;
        for (int u = 0; u < nodes; u++) {
            currentArc[u] = firstArc[u];
            active[u] = excess[u] > 0;
            if (active[u]) {
                queue[size++] = u;
            }
        }
        while (size > 0) {
            int u = queue[head];
            head = (head + 1) % nodes;
            size--;
            active[u] = false;
            while (excess[u] > 0) {
                if (!hasAdmissibleArc(u)) {
                    relabel(u, epsilon);
                    continue;
                }
                int p = currentArc[u];
                int v = arcHead[p];
                if (excess[v] >= 0 && !hasAdmissibleArc(v) && relabel(v, epsilon)) {
                    continue;
                }
                push(u, p, (int) Math.min(excess[u], residual[p]));
                if (excess[v] > 0 && !active[v]) {
                    active[v] = true;
                    queue[(head + size++) % nodes] = v;
                }
            }
        }
    }

    private long reducedCost(int u, int p) {
        return arcCost[p] + potential[u] - potential[arcHead[p]];
    }

    private void push(int u, int p, int amount) {
        residual[p] -= amount;
        residual[reverse[p]] += amount;
        excess[u] -= amount;
        excess[arcHead[p]] += amount;
    }

    /** Moves u's current arc to its next admissible arc (residual, negative reduced cost), if any. */
    private boolean hasAdmissibleArc(int u) {
        int end = firstArc[u + 1];
        int p = currentArc[u];
        while (p < end && !(residual[p] > 0 && reducedCost(u, p) < 0)) {
            p++;
        }
        currentArc[u] = p;
        return p < end;
    }

    /**
     * Lowers u's potential just enough that its best residual arc gets reduced cost -ε, which keeps every
     * residual arc at -ε or more; false if u has no residual arc.
     */
    private boolean relabel(int u, long epsilon) {
        long best = Long.MIN_VALUE;
        for (int p = firstArc[u], end = firstArc[u + 1]; p < end; p++) {
            if (residual[p] > 0) {
                best = Math.max(best, potential[arcHead[p]] - arcCost[p]);
            }
        }
        if (best == Long.MIN_VALUE) {
            return false;
        }
        potential[u] = best - epsilon;
        currentArc[u] = firstArc[u];
        return true;
    }

    /** BFS levels over admissible arcs (Dinic), so the blocking flow never walks a zero-cost cycle. */
    private boolean levelAdmissibleArcs() {
        Arrays.fill(level, 0, nodes, -1);
        level[source] = 0;
        queue[0] = source;
        int head = 0;
        int tail = 1;
        while (head < tail) {
            int u = queue[head++];
            for (int p = firstArc[u], end = firstArc[u + 1]; p < end; p++) {
                int v = arcHead[p];
                if (level[v] < 0 && admissible(u, p)) {
                    level[v] = level[u] + 1;
                    queue[tail++] = v;
                }
            }
        }
        return level[sink] >= 0;
    }

    /** Saturates every level-increasing admissible path, iteratively (no recursion depth limit). */
    private void augmentBlockingFlow() {
        System.arraycopy(firstArc, 0, currentArc, 0, nodes);
        int depth = 0;
        int u = source;
        while (true) {
            if (u == sink) {
                int bottleneck = Integer.MAX_VALUE;
                for (int i = 0; i < depth; i++) {
                    bottleneck = Math.min(bottleneck, residual[pathArcs[i]]);
                }
                int firstSaturated = -1;
                for (int i = 0; i < depth; i++) {
                    int p = pathArcs[i];
                    residual[p] -= bottleneck;
                    residual[reverse[p]] += bottleneck;
                    if (residual[p] == 0 && firstSaturated < 0) {
                        firstSaturated = i;
                    }
                }
                depth = firstSaturated;
                u = depth == 0 ? source : arcHead[pathArcs[depth - 1]];
                continue;
            }
            int end = firstArc[u + 1];
            int p = currentArc[u];
            while (p < end && !(level[arcHead[p]] == level[u] + 1 && admissible(u, p))) {
                p++;
            }
            currentArc[u] = p;
            if (p < end) {
                pathArcs[depth++] = p;
                u = arcHead[p];
            } else {
                level[u] = -1;
                if (depth == 0) {
                    return;
                }
                depth--;
                u = depth == 0 ? source : arcHead[pathArcs[depth - 1]];
                currentArc[u]++;
            }
        }
    }

    private FlowSolution solution(FlowNetwork network, int[] forwardPosition) {
        int[] flows = new int[network.arcCount()];
        long cost = 0;
        for (int a = 0; a < flows.length; a++) {
            flows[a] = network.capacity(a) - residual[forwardPosition[a]];
            cost += flows[a] * network.cost(a);
        }
        long routed = 0;
        long supplied = 0;
        for (int p = firstArc[source]; p < firstArc[source + 1]; p++) {
            routed += residual[reverse[p]];
            supplied += residual[p] + residual[reverse[p]];
        }
        long demanded = 0;
        for (int p = firstArc[sink]; p < firstArc[sink + 1]; p++) {
            demanded += residual[p] + residual[reverse[p]];
        }
        boolean feasible = routed == supplied && routed == demanded;
        return new FlowSolution(feasible, routed, cost, flows);
    }

    /** A binary min-heap of node ids keyed by {@code keys[node]}, with decrease-key. */
    private static final class IndexedHeap {
        private final int[] heap;
        private final int[] position;
        private final long[] keys;
        private int size;

        IndexedHeap(int capacity, long[] keys) {
            this.heap = new int[capacity];
            this.position = new int[capacity];
            this.keys = keys;
            Arrays.fill(position, -1);
        }

        void clear() {
            for (int i = 0; i < size; i++) {
                position[heap[i]] = -1;
            }
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void insertOrDecrease(int node) {
            int i = position[node];
            if (i < 0) {
                i = size++;
            }
            siftUp(i, node);
        }

        int removeMin() {
            int min = heap[0];
            position[min] = -2;
            int last = heap[--size];
            if (size > 0) {
                siftDown(0, last);
            }
            return min;
        }

        private void siftUp(int i, int node) {
            long key = keys[node];
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                int above = heap[parent];
                if (keys[above] <= key) {
                    break;
                }
                heap[i] = above;
                position[above] = i;
                i = parent;
            }
            heap[i] = node;
            position[node] = i;
        }

        private void siftDown(int i, int node) {
            long key = keys[node];
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < size && keys[heap[right]] < keys[heap[child]]) {
                    child = right;
                }
                if (key <= keys[heap[child]]) {
                    break;
                }
                heap[i] = heap[child];
                position[heap[i]] = i;
                i = child;
            }
            heap[i] = node;
            position[node] = i;
        }
    }
}
