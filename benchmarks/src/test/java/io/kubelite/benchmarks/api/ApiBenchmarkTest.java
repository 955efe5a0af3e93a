package io.kubelite.benchmarks.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ApiBenchmarkTest {

    @Test
    void aRunCreatesWatchesListsAndCleansUpThroughTheApi() throws Exception {
        try (StubApiServer stub = new StubApiServer()) {
            BenchmarkOptions options = new BenchmarkOptions(stub.uri(), 1200, 4, "bench-test", 50, false, null,
                    Duration.ofSeconds(60), null, null);

            BenchmarkReport report = new ApiBenchmark(options).run();

            assertThat(report.warmup().created()).isEqualTo(50);
            assertThat(report.creates().created()).isEqualTo(1200);
            assertThat(report.creates().errorsByCode()).isEmpty();
            assertThat(report.watch().seen()).isEqualTo(1200);
            assertThat(report.watch().expected()).isEqualTo(1200);
            // the stub lists every pod it holds, warm-up ones included
            assertThat(report.lists()).extracting(ListTiming::mode, ListTiming::items, ListTiming::pages)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("full", 1250, 1),
                            org.assertj.core.groups.Tuple.tuple("paged", 1250, 3));
            assertThat(stub.requests()).contains(
                    "POST /api/v1/namespaces",
                    "GET /api/v1/namespaces/bench-test/pods?watch=true&resourceVersion=7",
                    "GET /api/v1/namespaces/bench-test/pods?limit=500&continue=500",
                    "DELETE /api/v1/namespaces/bench-test-warmup",
                    "DELETE /api/v1/namespaces/bench-test");
            assertThat(ReportFormatter.text(report)).contains("1200 of 1200 created", "1200 of 1200 ADDED events seen");
        }
    }
}
