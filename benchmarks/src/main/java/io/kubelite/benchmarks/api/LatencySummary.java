package io.kubelite.benchmarks.api;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a set of latencies, in milliseconds. Recorded at microsecond resolution with three
 * significant digits, so each figure is within 0.1% of the exact value.
 */
public record LatencySummary(long count, double p50Ms, double p90Ms, double p99Ms, double maxMs, double meanMs) {

    private static final double MICROS_PER_MS = 1000.0;

    public static LatencySummary ofNanos(long[] nanos) {
        Histogram histogram = new Histogram(3);
        for (long value : nanos) {
            histogram.recordValue(Math.max(0, value / 1000));
        }
        if (histogram.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(histogram.getTotalCount(),
                histogram.getValueAtPercentile(50) / MICROS_PER_MS,
                histogram.getValueAtPercentile(90) / MICROS_PER_MS,
                histogram.getValueAtPercentile(99) / MICROS_PER_MS,
                histogram.getMaxValue() / MICROS_PER_MS,
                histogram.getMean() / MICROS_PER_MS);
    }
}
