package io.kubelite.benchmarks.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportFormatterTest {

    private static final LatencySummary CREATE_LATENCY = new LatencySummary(5000, 10.04, 20.0, 45.25, 80.0, 12.0);
    private static final LatencySummary WATCH_LATENCY = new LatencySummary(4990, 1.5, 3.0, 60.0, 90.0, 2.0);

    @Test
    void textNamesEveryFigureAndTheVerdictOfEachGoal() {
        String text = ReportFormatter.text(report());

        assertThat(text)
                .contains("5000 pods, 16 clients")
                .contains("4998 of 5000 created in 4.20 s: 1190 creates/s whole run, 1250 after the first second")
                .contains("p50 10.0 ms, p90 20.0 ms, p99 45.3 ms, max 80.0 ms")
                .contains("HTTP 409 x1, transport x1")
                .contains("4990 of 4998 ADDED events seen")
                .contains("api server 120%, postgres 55%, load tool 20%, other 3% of one core; machine 99% busy")
                .contains("list (paged)    4998 items in 10 request(s)");
        assertThat(text.lines().filter(line -> line.startsWith("goal")))
                .hasSize(4)
                .anyMatch(line -> line.contains("create p99 <= 50 ms") && line.endsWith("MET"))
                .anyMatch(line -> line.contains("watch delivery") && line.endsWith("MISSED"));
    }

    @Test
    void markdownIsATableOfFigures() {
        String markdown = ReportFormatter.markdown(report());

        assertThat(markdown).startsWith("## 5000 pods, 16 clients")
                .contains("| figure | value |")
                .contains("| creates/s (after the first second) | 1250 |");
    }

    @Test
    void jsonCarriesTheFiguresAsNumbers() {
        JsonNode json = JsonMapper.builder().build().readTree(ReportFormatter.json(report()));

        assertThat(json.path("creates").path("steadyCreatesPerSecond").asDouble()).isEqualTo(1250.0);
        assertThat(json.path("creates").path("latency").path("p99Ms").asDouble()).isEqualTo(45.25);
        assertThat(json.path("watch").path("seen").asInt()).isEqualTo(4990);
        assertThat(json.path("goals").size()).isEqualTo(4);
    }

    @Test
    void missingFiguresReadAsNotAvailable() {
        assertThat(ReportFormatter.rate(null)).isEqualTo("n/a");
        assertThat(ReportFormatter.cpu(null)).startsWith("not measured");
        assertThat(ReportFormatter.latency(new LatencySummary(0, 0, 0, 0, 0, 0))).isEqualTo("no samples");
        assertThat(ReportFormatter.errors(Map.of())).isEqualTo("none");
    }

    private static BenchmarkReport report() {
        CreatePhase creates = new CreatePhase(5000, 5000, 4998, 4.2, 1190.0, 1250.0, CREATE_LATENCY,
                Map.of("409", 1, "transport", 1));
        WatchDelivery watch = new WatchDelivery(4998, 4990, 3, 0, WATCH_LATENCY, Map.of("ADDED", 4990),
                "cancelled by the benchmark");
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put(CpuSampler.API_SERVER, 120.0);
        cpu.put(CpuSampler.POSTGRES, 55.0);
        cpu.put(CpuSampler.LOAD_TOOL, 20.0);
        cpu.put(CpuSampler.OTHER, 3.0);
        return new BenchmarkReport("http://127.0.0.1:8080", "bench-x", 5000, 16, 2, "2025-01-01T00:00:00Z", null,
                creates, watch, List.of(new ListTiming("full", 200, 4998, 1, 5_000_000, 200, 200),
                        new ListTiming("paged", 200, 4998, 10, 5_100_000, 260, 40)),
                new CpuSplit(cpu, 99.0, 2), GoalCheck.of(creates, watch));
    }
}
