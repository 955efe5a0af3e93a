package io.kubelite.benchmarks.api;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Renders a {@link BenchmarkReport} for a terminal, as markdown, or as JSON. */
final class ReportFormatter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportFormatter() {
    }

    static String text(BenchmarkReport r) {
        StringBuilder out = new StringBuilder();
        out.append(format("kube-lite API benchmark: %d pods, %d clients, %s, namespace %s, %d cores, %s%n",
                r.pods(), r.clients(), r.server(), r.namespace(), r.cores(), r.startedAt()));
        if (r.warmup() != null) {
            out.append(format("%-15s %d of %d pods in %.2f s (%s creates/s)%n", "warm-up",
                    r.warmup().created(), r.warmup().requested(), r.warmup().durationSeconds(),
                    rate(r.warmup().createsPerSecond())));
        }
        CreatePhase c = r.creates();
        out.append(format("%-15s %d of %d created in %.2f s: %s creates/s whole run, %s after the first second%n",
                "creates", c.created(), c.requested(), c.durationSeconds(), rate(c.createsPerSecond()),
                rate(c.steadyCreatesPerSecond())));
        out.append(format("%-15s %s%n", "create latency", latency(c.latency())));
        out.append(format("%-15s %s%n", "create errors", errors(c.errorsByCode())));
        WatchDelivery w = r.watch();
        out.append(format("%-15s %d of %d ADDED events seen, %d duplicates, %d before their 201; events %s%n",
                "watch", w.seen(), w.expected(), w.duplicates(), w.beforeAck(), w.eventsByType()));
        out.append(format("%-15s %s%n", "watch delivery", latency(w.latency())));
        for (ListTiming list : r.lists()) {
            out.append(format("%-15s %s%n", "list (" + list.mode() + ")", list(list)));
        }
        out.append(format("%-15s %s%n", "cpu (creates)", cpu(r.cpu())));
        for (GoalCheck goal : r.goals()) {
            out.append(format("%-15s %-52s %-28s %s%n", "goal", goal.goal(), goal.measured(),
                    goal.met() ? "MET" : "MISSED"));
        }
        return out.toString();
    }

    static String markdown(BenchmarkReport r) {
        CreatePhase c = r.creates();
        WatchDelivery w = r.watch();
        StringBuilder out = new StringBuilder();
        out.append(format("## %d pods, %d clients (%s)%n%n", r.pods(), r.clients(), r.startedAt()));
        out.append("| figure | value |\n| --- | --- |\n");
        row(out, "server", r.server() + ", " + r.cores() + " cores");
        if (r.warmup() != null) {
            row(out, "warm-up", format("%d pods, %s creates/s", r.warmup().created(),
                    rate(r.warmup().createsPerSecond())));
        }
        row(out, "created", format("%d of %d in %.2f s", c.created(), c.requested(), c.durationSeconds()));
        row(out, "creates/s (whole run)", rate(c.createsPerSecond()));
        row(out, "creates/s (after the first second)", rate(c.steadyCreatesPerSecond()));
        row(out, "create latency", latency(c.latency()));
        row(out, "create errors", errors(c.errorsByCode()));
        row(out, "watch events seen", format("%d of %d (%d duplicates, %d before their 201)", w.seen(),
                w.expected(), w.duplicates(), w.beforeAck()));
        row(out, "watch delivery", latency(w.latency()));
        for (ListTiming list : r.lists()) {
            row(out, "list (" + list.mode() + ")", list(list));
        }
        row(out, "cpu during creates", cpu(r.cpu()));
        for (GoalCheck goal : r.goals()) {
            row(out, "goal: " + goal.goal(), goal.measured() + " " + (goal.met() ? "MET" : "MISSED"));
        }
        return out.toString();
    }

    static String json(BenchmarkReport r) {
        return JSON.writeValueAsString(r);
    }

    static String latency(LatencySummary l) {
        if (l.count() == 0) {
            return "no samples";
        }
        return format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (mean %.1f ms, n=%d)",
                l.p50Ms(), l.p90Ms(), l.p99Ms(), l.maxMs(), l.meanMs(), l.count());
    }

    static String rate(Double perSecond) {
        return perSecond == null ? "n/a" : format("%.0f", perSecond);
    }

    static String errors(Map<String, Integer> byCode) {
        if (byCode.isEmpty()) {
            return "none";
        }
        return byCode.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> (e.getKey().chars().allMatch(Character::isDigit) ? "HTTP " : "") + e.getKey()
                        + " x" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static String cpu(CpuSplit cpu) {
        if (cpu == null) {
            return "not measured (no /proc)";
        }
        String groups = cpu.percentOfOneCore().entrySet().stream()
                .map(e -> format("%s %.0f%%", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        return format("%s of one core; machine %.0f%% busy over %d cores", groups, cpu.machineBusyPercent(),
                cpu.cores());
    }

    private static String list(ListTiming list) {
        return format("%d items in %d request(s), %.1f MB, %.0f ms (slowest request %.0f ms), HTTP %d",
                list.items(), list.pages(), list.bytes() / 1e6, list.totalMs(), list.slowestPageMs(), list.status());
    }

    private static void row(StringBuilder out, String figure, String value) {
        out.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
