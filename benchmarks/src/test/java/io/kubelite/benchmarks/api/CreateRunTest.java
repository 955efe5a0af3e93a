package io.kubelite.benchmarks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CreateRunTest {

    private static final long MS = 1_000_000L;
    private static final long START = 5_000 * MS;

    @Test
    void ratesCountOnlySuccessfulCreatesUpToTheLastAcknowledgement() {
        // 4 created over 2 s (acks at 0.5, 1.0, 1.5, 2.0 s), one 409 and one transport failure in between
        CreateRun run = new CreateRun(START, new int[] {201, 201, 409, 201, -1, 201},
                new long[] {5 * MS, 6 * MS, 1 * MS, 7 * MS, 30_000 * MS, 8 * MS},
                new long[] {START + 500 * MS, START + 1000 * MS, START + 1100 * MS, START + 1500 * MS,
                        START + 2500 * MS, START + 2000 * MS});

        assertThat(run.createdCount()).isEqualTo(4);
        assertThat(run.attemptedCount()).isEqualTo(6);
        assertThat(run.durationSeconds()).isCloseTo(2.0, within(1e-9));
        assertThat(run.createsPerSecond()).isCloseTo(2.0, within(1e-9));
        // after the first second: the acks at 1.5 s and 2.0 s over 1 s
        assertThat(run.steadyCreatesPerSecond()).isCloseTo(2.0, within(1e-9));
        assertThat(run.createdLatencies()).containsExactly(5 * MS, 6 * MS, 7 * MS, 8 * MS);
        assertThat(run.errorsByCode()).isEqualTo(Map.of("409", 1, "transport", 1));
    }

    @Test
    void steadyRateLeavesOutASlowFirstSecond() {
        // one create in the first second, then ten in the next half second
        int[] status = new int[11];
        long[] ack = new long[11];
        status[0] = 201;
        ack[0] = START + 900 * MS;
        for (int pod = 1; pod <= 10; pod++) {
            status[pod] = 201;
            ack[pod] = START + 1000 * MS + pod * 50 * MS;
        }
        CreateRun run = new CreateRun(START, status, new long[11], ack);

        assertThat(run.createsPerSecond()).isCloseTo(11 / 1.5, within(1e-9));
        assertThat(run.steadyCreatesPerSecond()).isCloseTo(10 / 0.5, within(1e-9));
    }

    @Test
    void aRunShorterThanOneSecondHasNoSteadyRate() {
        CreateRun run = new CreateRun(START, new int[] {201}, new long[] {MS}, new long[] {START + 300 * MS});

        assertThat(run.createsPerSecond()).isCloseTo(1 / 0.3, within(1e-9));
        assertThat(run.steadyCreatesPerSecond()).isNull();
    }

    @Test
    void podsNeverAttemptedAreNeitherErrorsNorCreates() {
        CreateRun run = new CreateRun(START, new int[] {201, 0, 0}, new long[3], new long[] {START + MS, 0, 0});

        assertThat(run.attemptedCount()).isEqualTo(1);
        assertThat(run.errorsByCode()).isEmpty();
        assertThat(CreatePhase.of(run).requested()).isEqualTo(3);
    }

    @Test
    void aRunWithNoSuccessHasNoRate() {
        CreateRun run = new CreateRun(START, new int[] {500}, new long[] {MS}, new long[] {START + MS});

        assertThat(run.createsPerSecond()).isNull();
        assertThat(run.durationSeconds()).isZero();
        assertThat(run.errorsByCode()).isEqualTo(Map.of("500", 1));
    }
}
