package io.kubelite.benchmarks.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads CPU time from Linux's /proc, so a run can say how the machine's cores were shared between the API
 * server, PostgreSQL, the load tool and everything else while it measured.
 */
final class CpuSampler {

    static final String API_SERVER = "api server";
    static final String POSTGRES = "postgres";
    static final String LOAD_TOOL = "load tool";
    static final String OTHER = "other";

    private static final Path PROC = Path.of("/proc");

    /** CPU ticks of the whole machine and of each process at one moment. */
    record Snapshot(long machineTicks, long machineIdleTicks, Map<Long, ProcessTicks> processes) {
    }

    record ProcessTicks(String group, long ticks) {
    }

    private final long selfPid = ProcessHandle.current().pid();

    /** Takes a snapshot, or returns null where /proc cannot be read (not Linux). */
    Snapshot take() {
        try {
            long[] machine = machineTicks(Files.readAllLines(PROC.resolve("stat")).get(0));
            Map<Long, ProcessTicks> processes = new HashMap<>();
            try (Stream<Path> entries = Files.list(PROC)) {
                entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .forEach(p -> readProcess(p).ifPresent(t -> processes.put(Long.parseLong(
                                p.getFileName().toString()), t)));
            }
            return new Snapshot(machine[0], machine[1], processes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The CPU each group used between two snapshots, in percent of one core (200% = two cores busy). */
    static CpuSplit between(Snapshot before, Snapshot after, int cores) {
        if (before == null || after == null) {
            return null;
        }
        double ticksPerCore = (after.machineTicks() - before.machineTicks()) / (double) cores;
        if (ticksPerCore <= 0) {
            return null;
        }
        Map<String, Double> percent = new LinkedHashMap<>();
        for (String group : new String[] {API_SERVER, POSTGRES, LOAD_TOOL, OTHER}) {
            percent.put(group, 0.0);
        }
        after.processes().forEach((pid, now) -> {
            ProcessTicks then = before.processes().get(pid);
            long used = now.ticks() - (then == null ? 0 : then.ticks());
            percent.merge(now.group(), 100.0 * used / ticksPerCore, Double::sum);
        });
        long busy = (after.machineTicks() - after.machineIdleTicks())
                - (before.machineTicks() - before.machineIdleTicks());
        return new CpuSplit(percent, 100.0 * busy / (after.machineTicks() - before.machineTicks()), cores);
    }

    /** Which part of the system a process is, from its command name and command line. */
    static String group(long pid, long selfPid, String comm, String cmdline) {
        if (pid == selfPid) {
            return LOAD_TOOL;
        }
        if (comm.startsWith("postgres") || cmdline.startsWith("postgres:")) {
            return POSTGRES;
        }
        if (cmdline.contains("api-server-service")) {
            return API_SERVER;
        }
        return OTHER;
    }

    /** user + system ticks from a /proc/[pid]/stat line; the command name may itself hold spaces and ')'. */
    static long processTicks(String statLine) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state); utime and stime are fields 14 and 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** {total, idle} ticks from the aggregate "cpu" line of /proc/stat; idle includes iowait. */
    static long[] machineTicks(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        long total = 0;
        // user nice system idle iowait irq softirq steal; guest time is already counted in user
        for (int i = 1; i <= 8 && i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
    }

    private Optional<ProcessTicks> readProcess(Path dir) {
        try {
            String stat = Files.readString(dir.resolve("stat"));
            String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
            long pid = Long.parseLong(dir.getFileName().toString());
            return Optional.of(new ProcessTicks(group(pid, selfPid, comm, cmdline), processTicks(stat)));
        } catch (IOException | RuntimeException e) {
            // the process exited between listing and reading
            return Optional.empty();
        }
    }
}
