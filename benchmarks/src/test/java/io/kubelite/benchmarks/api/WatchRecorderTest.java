package io.kubelite.benchmarks.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Flow;

import org.junit.jupiter.api.Test;

class WatchRecorderTest {

    private final WatchRecorder recorder = new WatchRecorder();
    private boolean cancelled;

    @Test
    void recordsTheFirstAddedEventOfEachObjectAndCountsEveryType() throws InterruptedException {
        subscribe();
        recorder.onNext(event("ADDED", "a"));
        recorder.onNext("");
        recorder.onNext(event("ADDED", "b"));
        recorder.onNext(event("MODIFIED", "a"));
        recorder.onNext(event("ADDED", "a"));
        recorder.onNext("{\"type\":\"BOOKMARK\",\"object\":{\"metadata\":{\"resourceVersion\":\"9\"}}}");
        recorder.onNext("not json");

        assertThat(recorder.awaitAdded(2, Duration.ofMillis(10))).isTrue();
        assertThat(recorder.addedArrivals()).containsOnlyKeys("a", "b");
        assertThat(recorder.duplicateAdds()).isEqualTo(1);
        assertThat(recorder.eventsByType()).isEqualTo(
                Map.of("ADDED", 3, "MODIFIED", 1, "BOOKMARK", 1, "unparseable", 1));
    }

    @Test
    void waitingEndsAtTheTimeLimitWhenEventsAreMissing() throws InterruptedException {
        subscribe();
        recorder.onNext(event("ADDED", "a"));

        long start = System.nanoTime();
        assertThat(recorder.awaitAdded(2, Duration.ofMillis(100))).isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(90_000_000L);
    }

    @Test
    void anErrorEventEndsTheWaitAndSaysWhy() throws InterruptedException {
        subscribe();
        recorder.onNext("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"code\":410,\"message\":\"too old\"}}");

        assertThat(recorder.awaitAdded(1, Duration.ofSeconds(10))).isFalse();
        assertThat(recorder.endReason()).isEqualTo("ERROR event: too old");
    }

    @Test
    void cancelStopsTheSubscription() {
        subscribe();

        recorder.cancel();

        assertThat(cancelled).isTrue();
        assertThat(recorder.endReason()).isEqualTo("cancelled by the benchmark");
    }

    private void subscribe() {
        recorder.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
                cancelled = true;
            }
        });
    }

    private static String event(String type, String name) {
        return "{\"type\":\"" + type + "\",\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\"}}}";
    }
}
