package io.kubelite.benchmarks.api;

import java.util.List;

/**
 * Everything one run measured.
 *
 * @param warmup    the warm-up create phase, or null when skipped
 * @param cpu       how the cores were shared during the measured creates, or null where /proc is missing
 * @param goals     the targets and whether this run met them
 */
record BenchmarkReport(String server, String namespace, int pods, int clients, int cores, String startedAt,
                       CreatePhase warmup, CreatePhase creates, WatchDelivery watch, List<ListTiming> lists,
                       CpuSplit cpu, List<GoalCheck> goals) {
}
