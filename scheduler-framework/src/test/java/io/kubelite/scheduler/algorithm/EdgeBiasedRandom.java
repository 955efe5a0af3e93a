package io.kubelite.scheduler.algorithm;

import java.util.Random;

/** Random ints that hit the bounds of their range often: empty clusters, zero requests and full nodes. */
final class EdgeBiasedRandom {

    /** min or max one time in eight each, otherwise uniform in min..max. */
    static int between(Random random, int min, int max) {
        return switch (random.nextInt(8)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + random.nextInt(max - min + 1);
        };
    }

    private EdgeBiasedRandom() {
    }
}
