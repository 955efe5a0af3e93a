package io.kubelite.benchmarks.flow;

import io.kubelite.scheduler.flow.BatchPlacement;
import io.kubelite.scheduler.flow.BatchPlanner;
import io.kubelite.scheduler.flow.CostBands;
import io.kubelite.scheduler.flow.FlowNetwork;
import io.kubelite.scheduler.flow.FlowSolution;
import io.kubelite.scheduler.flow.MinCostFlowSolver;
import io.kubelite.scheduler.flow.PlacementProblem;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH figures for min-cost-flow placement on a {@link SchedulingWorkload}:
 * <pre>
 * java -cp benchmarks/target/benchmarks-0.1.0.jar org.openjdk.jmh.Main FlowPlacementBenchmarks
 * </pre>
 * {@code placeBatch} is the whole batch (both models, every round, graph building, repair); {@code ourSolver}
 * (by the method the planner uses for that network: cost scaling for the slot model, primal-dual for the
 * relaxation) and {@code orToolsSolver} solve the same first-round network, each including the load of its
 * own graph representation (our compressed rows; OR-Tools' graph through JNI).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class FlowPlacementBenchmarks {

    @Param("5000")
    public int nodes;

    @Param("10000")
    public int pods;

    @Param("30")
    public int classes;

    @Param("50")
    public int usedUpTo;

    @Param({"1", "4"})
    public int bands;

    /** The first-round network the solvers are timed on: the slot model's or the relaxation's. */
    @Param({"slotModel", "relaxed"})
    public String graph;

    private PlacementProblem problem;
    private BatchPlanner planner;
    private FlowNetwork network;
    private MinCostFlowSolver solver;

    @Setup
    public void setUp() {
        problem = new SchedulingWorkload(nodes, pods, classes, usedUpTo, 1).problem();
        planner = new BatchPlanner(new CostBands(bands, 1), 8, Duration.ofMillis(500));
        boolean relaxed = graph.equals("relaxed");
        network = relaxed ? planner.relaxedNetwork(problem) : planner.slotModelNetwork(problem);
        solver = new MinCostFlowSolver(relaxed ? MinCostFlowSolver.Method.PRIMAL_DUAL
                : MinCostFlowSolver.Method.COST_SCALING);
        OrToolsFlow.loadNativeLibraries();
    }

    @Benchmark
    public BatchPlacement placeBatch() {
        return planner.place(problem);
    }

    @Benchmark
    public FlowSolution ourSolver() {
        return solver.solve(network);
    }

    @Benchmark
    public long orToolsSolver() {
        OrToolsFlow flow = new OrToolsFlow(network);
        try {
            return flow.solve();
        } finally {
            flow.delete();
        }
    }
}
