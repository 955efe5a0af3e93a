package io.kubelite.benchmarks.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * Reads CPU time from Linux's /proc, so a run can say how the machine's cores were shared between the API
 * server, its PostgreSQL, the load tool and everything else while it measured.
 */
final class CpuSampler {

    static final String API_SERVER = "api server";
    static final String POSTGRES = "postgres";
    static final String LOAD_TOOL = "load tool";
    static final String OTHER = "other";

    private static final Path PROC = Path.of("/proc");
    private static final int MAX_ANCESTRY = 64;

    /** CPU ticks of the whole machine and of each process at one moment. */
    record Snapshot(long machineTicks, long machineIdleTicks, Map<Long, ProcessSample> processes) {
    }

    /** One process: its parent, command name, command line and user + system ticks so far. */
    record ProcessSample(long parentPid, String comm, String cmdline, long ticks) {
    }

    private final long selfPid;
    private final Long serverPid;
    private final Long postgresPid;

    /**
     * @param serverPid   the API server's process id; when null, the server is any process whose command line
     *                    names api-server-service
     * @param postgresPid the postmaster of the server's PostgreSQL; when null, every postgres process counts
     */
    CpuSampler(long selfPid, Long serverPid, Long postgresPid) {
        this.selfPid = selfPid;
        this.serverPid = serverPid;
        this.postgresPid = postgresPid;
    }

    /** Takes a snapshot, or returns null where /proc cannot be read (not Linux). */
    static Snapshot take() {
        try {
            long[] machine = machineTicks(Files.readAllLines(PROC.resolve("stat")).get(0));
            Map<Long, ProcessSample> processes = new HashMap<>();
            try (Stream<Path> entries = Files.list(PROC)) {
                entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .forEach(p -> readProcess(p).ifPresent(sample -> processes.put(
                                Long.parseLong(p.getFileName().toString()), sample)));
            }
            return new Snapshot(machine[0], machine[1], processes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The CPU each group used between two snapshots, in percent of one core (200% = two cores busy). */
    CpuSplit between(Snapshot before, Snapshot after, int cores) {
        if (before == null || after == null) {
            return null;
        }
        long elapsed = after.machineTicks() - before.machineTicks();
        if (elapsed <= 0) {
            return null;
        }
        double ticksPerCore = elapsed / (double) cores;
        Map<String, Double> percent = new LinkedHashMap<>();
        for (String group : new String[] {API_SERVER, POSTGRES, LOAD_TOOL, OTHER}) {
            percent.put(group, 0.0);
        }
        after.processes().forEach((pid, now) -> {
            ProcessSample then = before.processes().get(pid);
            long used = now.ticks() - (then == null ? 0 : then.ticks());
            percent.merge(group(pid, after.processes()), 100.0 * used / ticksPerCore, Double::sum);
        });
        long busy = (after.machineTicks() - after.machineIdleTicks())
                - (before.machineTicks() - before.machineIdleTicks());
        return new CpuSplit(percent, 100.0 * busy / elapsed, cores);
    }

    /**
     * Which part of the system a process is. Children count with their parent: the postmaster's backends as
     * PostgreSQL, anything the server starts as the server (or as PostgreSQL when it is one).
     */
    String group(long pid, Map<Long, ProcessSample> processes) {
        ProcessSample process = processes.get(pid);
        if (pid == selfPid) {
            return LOAD_TOOL;
        }
        if (process == null) {
            return OTHER;
        }
        if (descendsFrom(pid, processes, this::isServer)) {
            return process.comm().startsWith("postgres") ? POSTGRES : API_SERVER;
        }
        boolean postgres = postgresPid == null
                ? process.comm().startsWith("postgres")
                : descendsFrom(pid, processes, (candidate, sample) -> candidate.equals(postgresPid));
        return postgres ? POSTGRES : OTHER;
    }

    private boolean isServer(long pid, ProcessSample process) {
        return serverPid != null ? pid == serverPid : process.cmdline().contains("api-server-service");
    }

    private static boolean descendsFrom(long pid, Map<Long, ProcessSample> processes,
                                        BiPredicate<Long, ProcessSample> root) {
        long current = pid;
        for (int depth = 0; depth < MAX_ANCESTRY && processes.containsKey(current); depth++) {
            ProcessSample sample = processes.get(current);
            if (root.test(current, sample)) {
                return true;
            }
            current = sample.parentPid();
        }
        return false;
    }

    /** user + system ticks from a /proc/[pid]/stat line; the command name may itself hold spaces and ')'. */
    static long processTicks(String statLine) {
        return Long.parseLong(statFields(statLine)[11]) + Long.parseLong(statFields(statLine)[12]);
    }

    static long parentPid(String statLine) {
        return Long.parseLong(statFields(statLine)[1]);
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

    // fields[0] is field 3 of stat (state), so field N is fields[N - 3]: ppid is 4, utime 14, stime 15
    private static String[] statFields(String statLine) {
        return statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
    }

    private static Optional<ProcessSample> readProcess(Path dir) {
        try {
            String stat = Files.readString(dir.resolve("stat"));
            String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
            return Optional.of(new ProcessSample(parentPid(stat), comm, cmdline, processTicks(stat)));
        } catch (IOException | RuntimeException e) {
            // the process exited between listing and reading
            return Optional.empty();
        }
    }
}
