package io.kubelite.scheduler.flow;

/**
 * Improves a fitting placement by small changes, each taken as soon as it lowers the objective and keeps every
 * node within its resources: one pod moved to another node (or a pending pod placed), or two pods of different
 * classes on different nodes swapped (or a pending pod put in a placed one's stead). It stops when no such
 * change helps or the time is up. Flows place classes well against node costs; these changes repair what
 * rounding a fractional optimum to whole pods leaves, which a flow cannot see.
 */
final class LocalSearch {

    private final PlacementProblem problem;
    private final boolean[][] allowed;
    private final long[][] requests;
    private final int classes;
    private final int nodes;
    private final int resources;
    private final CostBands bands;
    /** The model's cost of each band of each class on each node, sampled once. */
    private final int[][][] bandCost;
    private final long pendingCost;

    LocalSearch(PlacementProblem problem, CostBands bands, boolean[][] allowed) {
        this.problem = problem;
        this.bands = bands;
        this.allowed = allowed;
        this.requests = problem.classRequests();
        this.classes = problem.classCount();
        this.nodes = problem.nodeCount();
        this.resources = problem.resourceCount();
        this.pendingCost = SchedulingGraph.pendingCost(problem);
        this.bandCost = new int[classes][nodes][];
        for (int c = 0; c < classes; c++) {
            for (int n = 0; n < nodes; n++) {
                if (allowed[c][n]) {
                    bandCost[c][n] = new int[bands.bands()];
                    int previous = 0;
                    for (int band = 0; band < bands.bands(); band++) {
                        previous = bands.costOf(problem.cost(), c, n, band, previous);
                        bandCost[c][n][band] = previous;
                    }
                }
            }
        }
    }

    /**
     * Improves {@code placed} (class by node) and {@code pending} in place until no change helps or
     * {@code deadline} (a {@link System#nanoTime()}) passes; {@code free} is each node's free resources before
     * the batch. Returns how much the objective fell.
     */
    long improve(int[][] placed, int[] pending, long[][] free, long deadline) {
        long[][] left = Placements.left(problem, placed, free);
        long gained = 0;
        boolean improved = true;
        while (improved && System.nanoTime() - deadline < 0) {
            improved = false;
            for (int c = 0; c < classes; c++) {
                for (int n = -1; n < nodes; n++) {
                    if (n < 0 ? pending[c] == 0 : placed[c][n] == 0) {
                        continue;
                    }
                    if (System.nanoTime() - deadline > 0) {
                        return gained;
                    }
                    long saved = n < 0 ? pendingCost : podCost(c, n, placed[c][n] - 1);
                    long gain = moveOrSwap(c, n, saved, placed, pending, left);
                    if (gain > 0) {
                        gained += gain;
                        improved = true;
                    }
                }
            }
        }
        return gained;
    }

    /**
     * Takes the first change that lowers the objective for one pod of class c on node n (n = -1: pending),
     * whose removal saves {@code saved}: a move to another node, or a swap with a pod of another class there.
     * Returns what it gained, 0 if nothing helps.
     */
    private long moveOrSwap(int c, int n, long saved, int[][] placed, int[] pending, long[][] left) {
        for (int m = 0; m < nodes; m++) {
            if (m == n || !allowed[c][m]) {
                continue;
            }
            long added = podCost(c, m, placed[c][m]);
            if (added < saved && fits(left[m], c, -1)) {
                apply(c, n, m, placed, pending, left);
                return saved - added;
            }
            for (int d = 0; d < classes; d++) {
                if (d == c || placed[d][m] == 0 || (n >= 0 && !allowed[d][n])) {
                    continue;
                }
                long gain = saved + podCost(d, m, placed[d][m] - 1) - added
                        - (n < 0 ? pendingCost : podCost(d, n, placed[d][n]));
                if (gain > 0 && fits(left[m], c, d) && (n < 0 || fits(left[n], d, c))) {
                    apply(d, m, n, placed, pending, left);
                    apply(c, n, m, placed, pending, left);
                    return gain;
                }
            }
        }
        return 0;
    }

    /** Whether a pod of class {@code in} fits the room left on a node once a pod of class {@code out} leaves it. */
    private boolean fits(long[] room, int in, int out) {
        for (int r = 0; r < resources; r++) {
            if (room[r] + (out < 0 ? 0 : requests[out][r]) < requests[in][r]) {
                return false;
            }
        }
        return true;
    }

    /** One pod of class c from node {@code from} to node {@code to}; -1 stands for pending. */
    private void apply(int c, int from, int to, int[][] placed, int[] pending, long[][] left) {
        if (from < 0) {
            pending[c]--;
        } else {
            placed[c][from]--;
            for (int r = 0; r < resources; r++) {
                left[from][r] += requests[c][r];
            }
        }
        if (to < 0) {
            pending[c]++;
        } else {
            placed[c][to]++;
            for (int r = 0; r < resources; r++) {
                left[to][r] -= requests[c][r];
            }
        }
    }

    /** The model's cost of pod number k (from 0) of class c on node n. */
    private long podCost(int c, int n, int k) {
        return bandCost[c][n][bands.bandOf(k)];
    }
}
