package io.kubelite.benchmarks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void percentilesOfOneToThousandMillisecondsAreWithinAThousandth() {
        long[] nanos = LongStream.rangeClosed(1, 1000).map(ms -> ms * 1_000_000).toArray();

        LatencySummary summary = LatencySummary.ofNanos(nanos);

        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50Ms()).isCloseTo(500, within(0.5));
        assertThat(summary.p90Ms()).isCloseTo(900, within(0.9));
        assertThat(summary.p99Ms()).isCloseTo(990, within(1.0));
        assertThat(summary.maxMs()).isCloseTo(1000, within(1.0));
        assertThat(summary.meanMs()).isCloseTo(500.5, within(0.5));
    }

    @Test
    void oneSlowOutlierShowsInMaxButNotInTheMedian() {
        long[] nanos = LongStream.concat(LongStream.generate(() -> 2_000_000).limit(999),
                LongStream.of(3_000_000_000L)).toArray();

        LatencySummary summary = LatencySummary.ofNanos(nanos);

        assertThat(summary.p50Ms()).isCloseTo(2, within(0.01));
        assertThat(summary.p99Ms()).isCloseTo(2, within(0.01));
        assertThat(summary.maxMs()).isCloseTo(3000, within(3.0));
    }

    @Test
    void noSamplesGiveZeroes() {
        assertThat(LatencySummary.ofNanos(new long[0])).isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0));
    }
}
