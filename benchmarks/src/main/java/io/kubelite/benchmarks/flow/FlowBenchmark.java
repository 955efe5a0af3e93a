package io.kubelite.benchmarks.flow;

import io.kubelite.scheduler.flow.BatchPlacement;
import io.kubelite.scheduler.flow.BatchPlanner;
import io.kubelite.scheduler.flow.CostBands;
import io.kubelite.scheduler.flow.FlowNetwork;
import io.kubelite.scheduler.flow.FlowSolution;
import io.kubelite.scheduler.flow.MinCostFlowSolver;
import io.kubelite.scheduler.flow.PlacementProblem;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the min-cost-flow placement figures for one workload: the whole batch (both models, every round)
 * against the one-second goal with what is known of its quality, and our solver against OR-Tools'
 * SimpleMinCostFlow on the same first-round networks (the slot model's and the relaxation's), with their costs.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks-0.1.0.jar io.kubelite.benchmarks.flow.FlowBenchmark \
 *     [--nodes 5000] [--pods 10000] [--classes 30] [--used 50] [--seed 1] [--bands 4] [--width 1] \
 *     [--search-ms 500] [--warmup 5] [--runs 10]
 * </pre>
 */
public final class FlowBenchmark {

    private static final int MAX_ROUNDS = 8;
    private static final Duration SOLVER_WARM_UP = Duration.ofSeconds(1);
    private static final Map<BatchPlacement.Origin, String> ORIGINS = Map.of(BatchPlacement.Origin.SLOT_MODEL,
            "slot model", BatchPlacement.Origin.RELAXATION, "relaxation", BatchPlacement.Origin.SEARCH, "search");

    public static void main(String[] args) {
        Options options = Options.parse(args);
        run(options, System.out);
    }

    static void run(Options options, PrintStream out) {
        SchedulingWorkload workload = options.workload();
        PlacementProblem problem = workload.problem();
        BatchPlanner planner = new BatchPlanner(options.bands(), MAX_ROUNDS, options.searchTime());
        out.printf(Locale.ROOT, "workload: %d nodes, %d pods in %d classes, nodes up to %d%% used, seed %d, "
                + "cost bands %d x %d pod(s), search up to %d ms%n", workload.nodes(), workload.pods(),
                workload.classes(), workload.usedUpTo(), workload.seed(), options.bands().bands(),
                options.bands().width(), options.searchTime().toMillis());

        BatchPlacement placement = null;
        long[] batchNanos = new long[options.runs()];
        for (int i = -options.warmup(); i < options.runs(); i++) {
            long start = System.nanoTime();
            placement = planner.place(problem);
            if (i >= 0) {
                batchNanos[i] = System.nanoTime() - start;
            }
        }
        out.printf(Locale.ROOT, "batch (both models, every round, graph building, repair and search): median %s, "
                + "min %s over %d runs; goal <= 1000 ms: %s%n", millis(median(batchNanos)), millis(min(batchNanos)),
                options.runs(),
                median(batchNanos) <= 1_000_000_000L ? "met" : "NOT met");
        out.printf(Locale.ROOT, "  from the %s (%d round(s), %d search node(s)): placed %d, pending %d, objective "
                + "%d; slot-model optimum %d, lower bound %d (objective %.2f%% above it); optimal among "
                + "all fitting placements: %s%n", ORIGINS.get(placement.origin()), placement.rounds(),
                placement.searched(), placement.placedCount(), placement.pendingCount(), placement.objective(), placement.modelOptimum(),
                placement.lowerBound(), 100.0 * (placement.objective() - placement.lowerBound())
                        / Math.max(1, placement.lowerBound()), placement.optimal() ? "yes" : "not proven");
        out.printf(Locale.ROOT, "  one pod at a time, cheapest fitting node, same costs: objective %d%n",
                GreedyBaseline.objective(problem, options.bands(), placement.pendingCost()));

        long firstRounds = compareSolvers("slot-model", planner.slotModelNetwork(problem),
                MinCostFlowSolver.Method.COST_SCALING, options, out)
                + compareSolvers("relaxed", planner.relaxedNetwork(problem), MinCostFlowSolver.Method.PRIMAL_DUAL,
                options, out);
        out.printf(Locale.ROOT, "graph building, later rounds, repair and search (batch minus both first-round "
                + "solves): %s%n",
                millis(Math.max(0, median(batchNanos) - firstRounds)));
    }

    /**
     * Prints our solve time by each method and OR-Tools' on the network, with the time ratio against the method
     * the planner uses for it; returns that method's median solve time.
     */
    private static long compareSolvers(String name, FlowNetwork network, MinCostFlowSolver.Method used,
            Options options, PrintStream out) {
        out.printf(Locale.ROOT, "%s first-round network: %d nodes, %d arcs%n", name, network.nodeCount(),
                network.arcCount());
        FlowSolution ours = null;
        long usedMedian = 0;
        for (MinCostFlowSolver.Method method : MinCostFlowSolver.Method.values()) {
            MinCostFlowSolver solver = new MinCostFlowSolver(method);
            warmUp(options, () -> solver.solve(network));
            long[] nanos = new long[options.runs()];
            for (int i = 0; i < options.runs(); i++) {
                long start = System.nanoTime();
                FlowSolution solution = solver.solve(network);
                nanos[i] = System.nanoTime() - start;
                if (method == used) {
                    ours = solution;
                }
            }
            if (method == used) {
                usedMedian = median(nanos);
            }
            out.printf(Locale.ROOT, "  our solver, %s%s: median %s, min %s, cost %d%n", method,
                    method == used ? " (the planner's)" : "", millis(median(nanos)), millis(min(nanos)),
                    solver.solve(network).totalCost());
        }
        compareWithOrTools(options, network, ours, usedMedian, out);
        return usedMedian;
    }

    private static void compareWithOrTools(Options options, FlowNetwork network, FlowSolution ours, long oursMedian,
            PrintStream out) {
        try {
            OrToolsFlow.loadNativeLibraries();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            out.println("  OR-Tools: its native library does not load here (" + e + "); no comparison");
            return;
        }
        warmUp(options, () -> {
            OrToolsFlow flow = new OrToolsFlow(network);
            flow.solve();
            flow.delete();
        });
        long[] solveNanos = new long[options.runs()];
        long[] loadNanos = new long[options.runs()];
        long cost = 0;
        for (int i = 0; i < options.runs(); i++) {
            long start = System.nanoTime();
            OrToolsFlow flow = new OrToolsFlow(network);
            long loaded = System.nanoTime();
            cost = flow.solve();
            long solved = System.nanoTime();
            flow.delete();
            loadNanos[i] = loaded - start;
            solveNanos[i] = solved - loaded;
        }
        out.printf(Locale.ROOT, "  OR-Tools SimpleMinCostFlow: solve median %s, min %s (loading its graph "
                + "through JNI: median %s more), cost %d%n", millis(median(solveNanos)), millis(min(solveNanos)),
                millis(median(loadNanos)), cost);
        out.printf(Locale.ROOT, "  equal cost: %s; time ratio OR-Tools solve / our solve: %.2f%n",
                cost == ours.totalCost() ? "yes" : "NO", (double) median(solveNanos) / oursMedian);
    }

    /**
     * Runs a solve the given warm-up count of times and for at least {@link #SOLVER_WARM_UP}: a network that
     * solves in microseconds needs thousands of runs before the JIT has compiled it.
     */
    private static void warmUp(Options options, Runnable solve) {
        long until = System.nanoTime() + SOLVER_WARM_UP.toNanos();
        for (int i = 0; i < options.warmup() || System.nanoTime() - until < 0; i++) {
            solve.run();
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    /** The command line: each option is {@code --name value}. */
    record Options(SchedulingWorkload workload, CostBands bands, Duration searchTime, int warmup, int runs) {

        static Options parse(String[] args) {
            int nodes = 5000;
            int pods = 10_000;
            int classes = 30;
            int used = 50;
            long seed = 1;
            int bands = 4;
            int width = 1;
            int searchMillis = 500;
            int warmup = 5;
            int runs = 10;
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("options come as --name value pairs");
            }
            for (int i = 0; i < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--nodes" -> nodes = Integer.parseInt(value);
                    case "--pods" -> pods = Integer.parseInt(value);
                    case "--classes" -> classes = Integer.parseInt(value);
                    case "--used" -> used = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--bands" -> bands = Integer.parseInt(value);
                    case "--width" -> width = Integer.parseInt(value);
                    case "--search-ms" -> searchMillis = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--runs" -> runs = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (runs < 1 || warmup < 0) {
                throw new IllegalArgumentException("--runs must be at least 1 and --warmup not negative");
            }
            return new Options(new SchedulingWorkload(nodes, pods, classes, used, seed), new CostBands(bands, width),
                    Duration.ofMillis(searchMillis), warmup, runs);
        }
    }

    private FlowBenchmark() {
    }
}
