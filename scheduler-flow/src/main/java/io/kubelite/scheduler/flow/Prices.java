package io.kubelite.scheduler.flow;

/**
 * Lagrangian prices on the nodes' resources (docs/mincostflow.md, "Multi-resource capacity"): each pod of a class
 * on a node pays for what it requests there, so a flow that ignored how classes add up on a node now prefers
 * nodes with room. In the priced network an arc costs {@code scale} times the model's cost plus the pod's price;
 * the price is rounded down, so that for every placement that fits, its priced cost never exceeds {@code scale}
 * times its objective plus {@link #charge(long[][]) what the free resources are worth}. Hence the priced
 * network's optimum, less that charge and divided by the scale, is a lower bound of every fitting placement.
 */
final class Prices {

    /** No prices: the model's costs as they are. */
    static final Prices NONE = new Prices(1, new double[0][], new long[0][]);

    private final int scale;
    private final double[][] perUnit;
    private final int[][] perPod;

    /**
     * @param scale    cost units of the priced network per unit of the model's cost
     * @param perUnit  for each node (row), the price of one unit of each resource, in the priced network's units
     * @param requests the classes' requests, to price their pods
     */
    Prices(int scale, double[][] perUnit, long[][] requests) {
        this.scale = scale;
        this.perUnit = perUnit;
        this.perPod = new int[requests.length][perUnit.length];
        for (int c = 0; c < requests.length; c++) {
            for (int n = 0; n < perUnit.length; n++) {
                double price = 0;
                for (int r = 0; r < requests[c].length; r++) {
                    price += perUnit[n][r] * requests[c][r];
                }
                perPod[c][n] = (int) Math.min(Integer.MAX_VALUE / 4, Math.floor(price));
            }
        }
    }

    int scale() {
        return scale;
    }

    /** The price of one pod of the class on the node, rounded down. */
    int perPod(int podClass, int node) {
        return this == NONE ? 0 : perPod[podClass][node];
    }

    /** What the free resources are worth at these prices, in the priced network's units. */
    double charge(long[][] free) {
        double charge = 0;
        for (int n = 0; n < perUnit.length; n++) {
            for (int r = 0; r < perUnit[n].length; r++) {
                charge += perUnit[n][r] * free[n][r];
            }
        }
        return charge;
    }

    /**
     * The lower bound a priced flow of cost {@code flowCost} proves for every fitting placement that also
     * holds pods costing {@code heldCost} (in the model's units) and leaves {@code free}: an objective is an
     * integer, so the bound is rounded up, after allowing for the error of summing the charge in doubles.
     */
    long bound(long heldCost, long flowCost, long[][] free) {
        double charge = charge(free);
        double bound = heldCost + (flowCost - charge) / scale;
        return (long) Math.ceil(bound - 1e-9 * (1 + Math.abs(charge) / scale));
    }
}
