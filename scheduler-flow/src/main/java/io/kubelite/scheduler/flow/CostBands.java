package io.kubelite.scheduler.flow;

/**
 * The flow model's cost of each pod of a class on a node: a non-decreasing step function of how many pods of
 * that class the batch puts there. Pod {@code k} (counting from 0) costs the running maximum of
 * {@link PlacementCost#cost} sampled at {@code 0, width, 2*width, ...} up to {@code k}, and every pod from
 * {@code (bands - 1) * width} on costs the last sample. One band with any width is a linear cost.
 */
public record CostBands(int bands, int width) {

    public static final CostBands LINEAR = new CostBands(1, 1);

    public CostBands {
        if (bands < 1 || width < 1) {
            throw new IllegalArgumentException("bands and band width must be at least 1");
        }
    }

    /** The band that pod number {@code k} falls in. */
    int bandOf(int k) {
        return Math.min(k / width, bands - 1);
    }

    /** The first pod number past band {@code band}, or Integer.MAX_VALUE for the last, open band. */
    int endOf(int band) {
        return band == bands - 1 ? Integer.MAX_VALUE : (band + 1) * width;
    }

    /** The cost of every pod in band {@code band}, given the cost of the band before it. */
    int costOf(PlacementCost cost, int podClass, int node, int band, int previousBandCost) {
        int sampled = cost.cost(podClass, node, band * width);
        if (sampled < 0 || sampled > PlacementCost.MAX_PLACEMENT_COST) {
            throw new IllegalArgumentException("placement cost " + sampled + " of class " + podClass + " on node "
                    + node + " is outside 0.." + PlacementCost.MAX_PLACEMENT_COST);
        }
        return Math.max(sampled, previousBandCost);
    }

    /** The model's cost of pod number {@code k} (from 0) of a class on a node. */
    int podCost(PlacementCost cost, int podClass, int node, int k) {
        int bandCost = 0;
        for (int band = 0; band <= bandOf(k); band++) {
            bandCost = costOf(cost, podClass, node, band, bandCost);
        }
        return bandCost;
    }

    /** The model's cost of the first {@code count} pods of a class on a node. */
    public long totalCost(PlacementCost cost, int podClass, int node, int count) {
        long total = 0;
        int bandCost = 0;
        for (int band = 0, start = 0; start < count; start = endOf(band), band++) {
            bandCost = costOf(cost, podClass, node, band, bandCost);
            total += (long) bandCost * (Math.min(count, endOf(band)) - start);
        }
        return total;
    }
}
