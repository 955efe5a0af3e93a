package io.kubelite.benchmarks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CpuSamplerTest {

    @Test
    void processTicksAreUserPlusSystemEvenWhenTheCommandNameHasSpacesAndParentheses() {
        String stat = "4242 (my (odd) proc) S 1 4242 4242 0 -1 4194560 500 0 0 0 1234 567 0 0 20 0 30 0 100 "
                + "1000000 2000 18446744073709551615";

        assertThat(CpuSampler.processTicks(stat)).isEqualTo(1234 + 567);
    }

    @Test
    void machineTicksSumTheFirstEightColumnsAndCountIowaitAsIdle() {
        long[] ticks = CpuSampler.machineTicks("cpu  100 5 50 800 20 3 2 0 7 0");

        assertThat(ticks).containsExactly(980, 820);
    }

    @Test
    void processesAreGroupedByWhatTheyAre() {
        assertThat(CpuSampler.group(7, 7, "java", "java -jar benchmarks.jar")).isEqualTo(CpuSampler.LOAD_TOOL);
        assertThat(CpuSampler.group(8, 7, "postgres", "postgres: kubelite kubelite 127.0.0.1(5000) idle"))
                .isEqualTo(CpuSampler.POSTGRES);
        assertThat(CpuSampler.group(9, 7, "java", "java -jar api-server-service/target/api-server-service-0.1.0.jar"))
                .isEqualTo(CpuSampler.API_SERVER);
        assertThat(CpuSampler.group(10, 7, "bash", "bash")).isEqualTo(CpuSampler.OTHER);
    }

    @Test
    void splitIsEachGroupsTicksOverOneCoresTicks() {
        // 2 cores, 1000 machine ticks elapsed: 500 ticks per core
        CpuSampler.Snapshot before = new CpuSampler.Snapshot(10_000, 4_000, Map.of(
                1L, new CpuSampler.ProcessTicks(CpuSampler.API_SERVER, 100),
                2L, new CpuSampler.ProcessTicks(CpuSampler.POSTGRES, 50)));
        CpuSampler.Snapshot after = new CpuSampler.Snapshot(11_000, 4_100, Map.of(
                1L, new CpuSampler.ProcessTicks(CpuSampler.API_SERVER, 600),
                2L, new CpuSampler.ProcessTicks(CpuSampler.POSTGRES, 250),
                3L, new CpuSampler.ProcessTicks(CpuSampler.POSTGRES, 100)));

        CpuSplit split = CpuSampler.between(before, after, 2);

        assertThat(split.percentOfOneCore().get(CpuSampler.API_SERVER)).isCloseTo(100.0, within(1e-9));
        assertThat(split.percentOfOneCore().get(CpuSampler.POSTGRES)).isCloseTo(60.0, within(1e-9));
        assertThat(split.percentOfOneCore().get(CpuSampler.LOAD_TOOL)).isZero();
        assertThat(split.machineBusyPercent()).isCloseTo(90.0, within(1e-9));
    }

    @Test
    void thisProcessShowsUpOnLinux() {
        CpuSampler.Snapshot snapshot = new CpuSampler().take();

        assertThat(snapshot).isNotNull();
        assertThat(snapshot.processes().get(ProcessHandle.current().pid()).group()).isEqualTo(CpuSampler.LOAD_TOOL);
    }
}
