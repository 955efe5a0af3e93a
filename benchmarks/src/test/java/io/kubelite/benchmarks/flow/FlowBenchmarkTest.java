package io.kubelite.benchmarks.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FlowBenchmarkTest {

    @Test
    void printsTheBatchFiguresAndTheComparisonWithOrTools() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FlowBenchmark.Options options = FlowBenchmark.Options.parse(new String[] {"--nodes", "200", "--pods", "500",
                "--classes", "10", "--warmup", "0", "--runs", "2"});

        FlowBenchmark.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("workload: 200 nodes, 500 pods in 10 classes")
                .contains("placed 500, pending 0")
                .contains("slot-model first-round network")
                .contains("relaxed first-round network")
                .contains("our solver, COST_SCALING (the planner's): median")
                .contains("our solver, PRIMAL_DUAL (the planner's): median")
                .doesNotContain("equal cost: NO")
                .contains("equal cost: yes");
    }

    @Test
    void rejectsAnUnknownOption() {
        assertThatThrownBy(() -> FlowBenchmark.Options.parse(new String[] {"--speed", "11"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --speed");
    }

    @Test
    void aWorkloadIsTheSameForTheSameSeed() {
        SchedulingWorkload workload = new SchedulingWorkload(50, 400, 12, 60, 7);

        assertThat(workload.problem().classCounts()).containsExactly(workload.problem().classCounts());
        assertThat(java.util.Arrays.stream(workload.problem().classCounts()).sum()).isEqualTo(400);
        assertThat(workload.problem().nodeRequested()).isDeepEqualTo(workload.problem().nodeRequested());
    }
}
