package io.kubelite.benchmarks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CpuSamplerTest {

    private static final long SELF = 7;
    private static final long SERVER = 100;
    private static final long POSTMASTER = 300;

    @Test
    void statFieldsAreReadEvenWhenTheCommandNameHasSpacesAndParentheses() {
        String stat = "4242 (my (odd) proc) S 1 4242 4242 0 -1 4194560 500 0 0 0 1234 567 0 0 20 0 30 0 100 "
                + "1000000 2000 18446744073709551615";

        assertThat(CpuSampler.processTicks(stat)).isEqualTo(1234 + 567);
        assertThat(CpuSampler.parentPid(stat)).isEqualTo(1);
    }

    @Test
    void machineTicksSumTheFirstEightColumnsAndCountIowaitAsIdle() {
        long[] ticks = CpuSampler.machineTicks("cpu  100 5 50 800 20 3 2 0 7 0");

        assertThat(ticks).containsExactly(980, 820);
    }

    @Test
    void thePostgresNamedByItsPostmasterCountsAndOtherPostgresServersDoNot() {
        Map<Long, CpuSampler.ProcessSample> processes = Map.of(
                SELF, process(1, "java", "java -jar benchmarks.jar"),
                SERVER, process(1, "java", "java -jar api-server-service-0.1.0.jar"),
                POSTMASTER, process(1, "postgres", "postgres -D /tmp/home/postgres"),
                301L, process(POSTMASTER, "postgres", "postgres: kubelite kubelite 127.0.0.1(5000) idle"),
                200L, process(1, "java", "java surefirebooter.jar"),
                201L, process(1, "postgres", "postgres -D /tmp/other"),
                202L, process(201, "postgres", "postgres: checkpointer"));

        CpuSampler sampler = new CpuSampler(SELF, SERVER, POSTMASTER);

        assertThat(sampler.group(SELF, processes)).isEqualTo(CpuSampler.LOAD_TOOL);
        assertThat(sampler.group(SERVER, processes)).isEqualTo(CpuSampler.API_SERVER);
        assertThat(sampler.group(POSTMASTER, processes)).isEqualTo(CpuSampler.POSTGRES);
        assertThat(sampler.group(301, processes)).isEqualTo(CpuSampler.POSTGRES);
        assertThat(sampler.group(200, processes)).isEqualTo(CpuSampler.OTHER);
        assertThat(sampler.group(201, processes)).isEqualTo(CpuSampler.OTHER);
        assertThat(sampler.group(202, processes)).isEqualTo(CpuSampler.OTHER);
    }

    @Test
    void withoutPidsTheServerIsFoundByItsCommandLineAndEveryPostgresCounts() {
        Map<Long, CpuSampler.ProcessSample> processes = Map.of(
                SERVER, process(1, "java", "java -jar api-server-service/target/api-server-service-0.1.0.jar"),
                101L, process(SERVER, "unshare", "unshare -U pg_ctl start"),
                POSTMASTER, process(1, "postgres", "postgres -D /tmp/home/postgres"),
                301L, process(POSTMASTER, "postgres", "postgres: walwriter"));

        CpuSampler sampler = new CpuSampler(SELF, null, null);

        assertThat(sampler.group(SERVER, processes)).isEqualTo(CpuSampler.API_SERVER);
        assertThat(sampler.group(101, processes)).isEqualTo(CpuSampler.API_SERVER);
        assertThat(sampler.group(POSTMASTER, processes)).isEqualTo(CpuSampler.POSTGRES);
        assertThat(sampler.group(301, processes)).isEqualTo(CpuSampler.POSTGRES);
    }

    @Test
    void splitIsEachGroupsTicksOverOneCoresTicks() {
        // 2 cores, 1000 machine ticks elapsed: 500 ticks per core
        CpuSampler.Snapshot before = new CpuSampler.Snapshot(10_000, 4_000, Map.of(
                SERVER, process(1, "java", "java", 100),
                POSTMASTER, process(1, "postgres", "postgres", 50)));
        CpuSampler.Snapshot after = new CpuSampler.Snapshot(11_000, 4_100, Map.of(
                SERVER, process(1, "java", "java", 600),
                POSTMASTER, process(1, "postgres", "postgres", 250),
                301L, process(POSTMASTER, "postgres", "postgres", 100)));

        CpuSplit split = new CpuSampler(SELF, SERVER, POSTMASTER).between(before, after, 2);

        assertThat(split.percentOfOneCore().get(CpuSampler.API_SERVER)).isCloseTo(100.0, within(1e-9));
        assertThat(split.percentOfOneCore().get(CpuSampler.POSTGRES)).isCloseTo(60.0, within(1e-9));
        assertThat(split.percentOfOneCore().get(CpuSampler.LOAD_TOOL)).isZero();
        assertThat(split.machineBusyPercent()).isCloseTo(90.0, within(1e-9));
    }

    @Test
    void thisProcessShowsUpOnLinux() {
        CpuSampler.Snapshot snapshot = CpuSampler.take();
        long self = ProcessHandle.current().pid();

        assertThat(snapshot).isNotNull();
        assertThat(new CpuSampler(self, null, null).group(self, snapshot.processes())).isEqualTo(CpuSampler.LOAD_TOOL);
    }

    private static CpuSampler.ProcessSample process(long parent, String comm, String cmdline) {
        return process(parent, comm, cmdline, 0);
    }

    private static CpuSampler.ProcessSample process(long parent, String comm, String cmdline, long ticks) {
        return new CpuSampler.ProcessSample(parent, comm, cmdline, ticks);
    }
}
