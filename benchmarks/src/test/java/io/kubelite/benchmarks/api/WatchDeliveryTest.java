package io.kubelite.benchmarks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class WatchDeliveryTest {

    private static final long MS = 1_000_000L;

    @Test
    void deliveryLatencyIsEventArrivalMinusTheCreatesAcknowledgement() {
        CreateRun run = new CreateRun(0, new int[] {201, 201, 201, 409},
                new long[4], new long[] {10 * MS, 20 * MS, 30 * MS, 40 * MS});
        Map<String, Long> arrivals = Map.of(
                "pod-0", 12 * MS,   // 2 ms after its 201
                "pod-1", 19 * MS,   // before its 201: counted apart
                "pod-3", 41 * MS);  // its create failed: not expected, not counted
        // pod-2's event never came

        WatchDelivery delivery = WatchDelivery.of(run, pod -> "pod-" + pod, arrivals, 1,
                Map.of("ADDED", 4), "cancelled by the benchmark");

        assertThat(delivery.expected()).isEqualTo(3);
        assertThat(delivery.seen()).isEqualTo(2);
        assertThat(delivery.complete()).isFalse();
        assertThat(delivery.beforeAck()).isEqualTo(1);
        assertThat(delivery.duplicates()).isEqualTo(1);
        assertThat(delivery.latency().count()).isEqualTo(1);
        assertThat(delivery.latency().maxMs()).isCloseTo(2.0, within(0.01));
    }

    @Test
    void everyCreatedPodSeenIsComplete() {
        CreateRun run = new CreateRun(0, new int[] {201, 201}, new long[2], new long[] {MS, 2 * MS});

        WatchDelivery delivery = WatchDelivery.of(run, pod -> "p" + pod, Map.of("p0", 3 * MS, "p1", 3 * MS), 0,
                Map.of("ADDED", 2), null);

        assertThat(delivery.complete()).isTrue();
        assertThat(delivery.latency().p50Ms()).isCloseTo(1.0, within(0.01));
        assertThat(delivery.latency().maxMs()).isCloseTo(2.0, within(0.01));
    }
}
