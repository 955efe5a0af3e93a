package io.kubelite.scheduler.flow;

/**
 * What every part of the planner asks of a placement {@code placed[class][node]}: its objective, whether and
 * where it overfills a node; and how many pods of a class a node may take at all.
 */
final class Placements {

    private Placements() {
    }

    /** A copy of a placement, or of the free resources of each node. */
    static int[][] copy(int[][] rows) {
        int[][] copy = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    static long[][] copy(long[][] rows) {
        long[][] copy = new long[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /** How much of the resource the pods placed on the node request. */
    static long used(PlacementProblem problem, int[][] placed, int node, int resource) {
        long used = 0;
        for (int c = 0; c < placed.length; c++) {
            used += placed[c][node] * problem.classRequests()[c][resource];
        }
        return used;
    }

    /** Each node's free resources less what the placement's pods on it request. */
    static long[][] left(PlacementProblem problem, int[][] placed, long[][] free) {
        long[][] left = copy(free);
        for (int n = 0; n < left.length; n++) {
            for (int r = 0; r < left[n].length; r++) {
                left[n][r] -= used(problem, placed, n, r);
            }
        }
        return left;
    }

    /** Two placements added up. */
    static int[][] sum(int[][] first, int[][] second) {
        int[][] sum = new int[first.length][];
        for (int c = 0; c < first.length; c++) {
            sum[c] = new int[first[c].length];
            for (int n = 0; n < first[c].length; n++) {
                sum[c][n] = first[c][n] + second[c][n];
            }
        }
        return sum;
    }

    /** The pods of each class a placement leaves pending. */
    static int[] pending(PlacementProblem problem, int[][] placed) {
        int[] pending = problem.classCounts().clone();
        for (int c = 0; c < placed.length; c++) {
            for (int count : placed[c]) {
                pending[c] -= count;
            }
        }
        return pending;
    }

    /** The model's cost of the placed pods plus the pending cost of each pod left pending. */
    static long objective(PlacementProblem problem, CostBands bands, int[][] placed, int[] pending) {
        long objective = 0;
        for (int c = 0; c < placed.length; c++) {
            for (int n = 0; n < placed[c].length; n++) {
                if (placed[c][n] > 0) {
                    objective += bands.totalCost(problem.cost(), c, n, placed[c][n]);
                }
            }
            objective += SchedulingGraph.pendingCost(problem) * pending[c];
        }
        return objective;
    }

    /** A resource of a node that its pods exceed, by a share of its free amount. */
    record Overfill(int resource, double share) {
    }

    /** Whether the pods placed on every node fit its free resources. */
    static boolean fits(PlacementProblem problem, int[][] placed, long[][] free) {
        for (int n = 0; n < free.length; n++) {
            if (worstOverfill(problem, placed, n, free[n]) != null) {
                return false;
            }
        }
        return true;
    }

    /** The resource that the pods placed on the node exceed by the largest share, or null when they fit. */
    static Overfill worstOverfill(PlacementProblem problem, int[][] placed, int node, long[] free) {
        Overfill worst = null;
        for (int r = 0; r < free.length; r++) {
            long used = used(problem, placed, node, r);
            if (used > free[r]) {
                double share = (double) (used - free[r]) / Math.max(1, free[r]);
                if (worst == null || share > worst.share()) {
                    worst = new Overfill(r, share);
                }
            }
        }
        return worst;
    }

    /** Of the classes with pods on the node, the one requesting most of the resource; -1 if it holds none. */
    static int largestRequester(PlacementProblem problem, int[][] placed, int node, int resource) {
        long[][] requests = problem.classRequests();
        int largest = -1;
        for (int c = 0; c < placed.length; c++) {
            if (placed[c][node] > 0 && (largest < 0 || requests[c][resource] > requests[largest][resource])) {
                largest = c;
            }
        }
        return largest;
    }

    /** No limit but resources where the filter allows a class on a node, none where it does not. */
    static int[][] room(boolean[][] allowed) {
        int[][] room = new int[allowed.length][];
        for (int c = 0; c < allowed.length; c++) {
            room[c] = new int[allowed[c].length];
            for (int n = 0; n < allowed[c].length; n++) {
                room[c][n] = allowed[c][n] ? Integer.MAX_VALUE : 0;
            }
        }
        return room;
    }
}
