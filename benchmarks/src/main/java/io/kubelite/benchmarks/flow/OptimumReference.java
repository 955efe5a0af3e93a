package io.kubelite.benchmarks.flow;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.kubelite.scheduler.flow.BatchPlacement;
import io.kubelite.scheduler.flow.BatchPlanner;
import io.kubelite.scheduler.flow.CostBands;
import io.kubelite.scheduler.flow.PlacementProblem;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Checks the min-cost-flow planner's objective and lower bound against general solvers on the same batch: the
 * exact optimum of its linear program (OR-Tools' GLOP), a lower bound of every fitting placement that is
 * independent of our code, and, optionally, what a mixed-integer solver (OR-Tools' SCIP) finds and proves in a
 * time limit. The program is the batch as docs/scheduler.md states it: pods of each class on each allowed node
 * in cost bands (convex, so the bands fill in order), pending pods at the pending cost, every node's free cpu,
 * memory and pods respected.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks-0.1.0.jar io.kubelite.benchmarks.flow.OptimumReference \
 *     [--nodes 5000] [--pods 10000] [--classes 30] [--used 50] [--seed 1] [--bands 4] [--width 1] \
 *     [--search-ms 500] [--mip-seconds 0]
 * </pre>
 */
public final class OptimumReference {

    public static void main(String[] args) {
        int mipSeconds = 0;
        String[] workloadArgs = args;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--mip-seconds")) {
                mipSeconds = Integer.parseInt(args[i + 1]);
                workloadArgs = new String[args.length - 2];
                System.arraycopy(args, 0, workloadArgs, 0, i);
                System.arraycopy(args, i + 2, workloadArgs, i, args.length - i - 2);
            }
        }
        FlowBenchmark.Options options = FlowBenchmark.Options.parse(workloadArgs);
        run(options, mipSeconds, System.out);
    }

    static void run(FlowBenchmark.Options options, int mipSeconds, PrintStream out) {
        OrToolsFlow.loadNativeLibraries();
        PlacementProblem problem = options.workload().problem();
        BatchPlacement placement = new BatchPlanner(options.bands(), 8, options.searchTime()).place(problem);
        out.printf(Locale.ROOT, "kube-lite mincostflow (search up to %d ms): objective %d, lower bound %d%n",
                options.searchTime().toMillis(), placement.objective(), placement.lowerBound());
        Solved linear = solve(problem, options.bands(), placement.pendingCost(), false, Duration.ZERO);
        out.printf(Locale.ROOT, "linear program (GLOP, %.1f s): optimum %.1f; our objective is %.2f%% above it, "
                + "our lower bound %.2f%% below it%n", linear.seconds(), linear.objective(),
                100 * (placement.objective() - linear.objective()) / linear.objective(),
                100 * (linear.objective() - placement.lowerBound()) / linear.objective());
        if (mipSeconds > 0) {
            Solved integer = solve(problem, options.bands(), placement.pendingCost(), true,
                    Duration.ofSeconds(mipSeconds));
            out.printf(Locale.ROOT, "integer program (SCIP, %d s limit, %.1f s): %s, best found %.0f, bound %.1f%n",
                    mipSeconds, integer.seconds(), integer.status(), integer.objective(), integer.bound());
        }
    }

    private record Solved(MPSolver.ResultStatus status, double objective, double bound, double seconds) {
    }

    /** Builds and solves the batch's linear or integer program; memory in MiB keeps its numbers well scaled. */
    private static Solved solve(PlacementProblem problem, CostBands bands, long pendingCost, boolean integer,
            Duration limit) {
        MPSolver solver = MPSolver.createSolver(integer ? "SCIP" : "GLOP");
        int resources = problem.resourceCount();
        double[] unit = new double[resources];
        for (int r = 0; r < resources; r++) {
            unit[r] = r == 1 ? 1 << 20 : 1;
        }
        MPConstraint[][] fits = new MPConstraint[problem.nodeCount()][resources];
        for (int n = 0; n < problem.nodeCount(); n++) {
            for (int r = 0; r < resources; r++) {
                long free = Math.max(0, problem.nodeAllocatable()[n][r] - problem.nodeRequested()[n][r]);
                fits[n][r] = solver.makeConstraint(-MPSolver.infinity(), free / unit[r]);
            }
        }
        MPObjective objective = solver.objective();
        for (int c = 0; c < problem.classCount(); c++) {
            int count = problem.classCounts()[c];
            MPConstraint placedOrPending = solver.makeConstraint(count, count);
            MPVariable pending = variable(solver, integer, count);
            placedOrPending.setCoefficient(pending, 1);
            objective.setCoefficient(pending, pendingCost);
            for (int n = 0; n < problem.nodeCount(); n++) {
                if (!problem.filter().feasible(c, n)) {
                    continue;
                }
                for (int band = 0; band < bands.bands() && band * bands.width() < count; band++) {
                    int first = band * bands.width();
                    int pods = band == bands.bands() - 1 ? count - first : Math.min(bands.width(), count - first);
                    long podCost = bands.totalCost(problem.cost(), c, n, first + 1)
                            - bands.totalCost(problem.cost(), c, n, first);
                    MPVariable placed = variable(solver, integer, pods);
                    placedOrPending.setCoefficient(placed, 1);
                    objective.setCoefficient(placed, podCost);
                    for (int r = 0; r < resources; r++) {
                        fits[n][r].setCoefficient(placed, problem.classRequests()[c][r] / unit[r]);
                    }
                }
            }
        }
        objective.setMinimization();
        if (!limit.isZero()) {
            solver.setTimeLimit(limit.toMillis());
        }
        long start = System.nanoTime();
        MPSolver.ResultStatus status = solver.solve();
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean solved = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
        double value = solved ? objective.value() : Double.NaN;
        return new Solved(status, value, solved && integer ? objective.bestBound() : value, seconds);
    }

    private static MPVariable variable(MPSolver solver, boolean integer, int upper) {
        return integer ? solver.makeIntVar(0, upper, "") : solver.makeNumVar(0, upper, "");
    }

    private OptimumReference() {
    }
}
