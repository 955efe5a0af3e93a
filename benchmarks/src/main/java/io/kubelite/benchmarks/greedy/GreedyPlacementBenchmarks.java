package io.kubelite.benchmarks.greedy;

import io.kubelite.scheduler.algorithm.GreedyAlgorithm;
import io.kubelite.scheduler.algorithm.PlacementResult;
import io.kubelite.scheduler.plugins.InTreePlugins;
import io.kubelite.scheduler.testing.MixedWorkload;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH figure for greedy placement, the scheduler's default algorithm, filters and score plugins included: one
 * batch of 10,000 pending pods on 5,000 nodes of a {@link MixedWorkload}, reported in pods per second.
 * <pre>
 * java -cp benchmarks/target/benchmarks-0.1.0.jar org.openjdk.jmh.Main GreedyPlacementBenchmarks -f 1 -wi 2 -i 3
 * </pre>
 * Every invocation places the whole batch on the same snapshot: the algorithm writes nothing, so batches do not
 * accumulate on the nodes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class GreedyPlacementBenchmarks {

    private static final int NODES = 5_000;
    private static final int PODS = 10_000;

    @Param({"LeastAllocated", "MostAllocated"})
    public String scorer;

    private MixedWorkload workload;
    private GreedyAlgorithm greedy;

    @Setup
    public void setUp() {
        workload = MixedWorkload.of(NODES, PODS);
        greedy = new GreedyAlgorithm(InTreePlugins.profile(Map.of(scorer, 1)), new Random(7));
    }

    @Benchmark
    @OperationsPerInvocation(PODS)
    public PlacementResult placeBatch() {
        return greedy.place(workload.pods(), workload.snapshot());
    }
}
