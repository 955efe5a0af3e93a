package io.kubelite.benchmarks.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.scheduler.flow.BatchPlanner;
import io.kubelite.scheduler.flow.CostBands;
import io.kubelite.scheduler.flow.FlowNetwork;
import io.kubelite.scheduler.flow.FlowSolution;
import io.kubelite.scheduler.flow.MinCostFlowSolver;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our solver, by either method, and OR-Tools' SimpleMinCostFlow agree on the optimal cost of every network. */
class OrToolsAgreementTest {

    private final List<MinCostFlowSolver> solvers = List.of(new MinCostFlowSolver(MinCostFlowSolver.Method.PRIMAL_DUAL),
            new MinCostFlowSolver(MinCostFlowSolver.Method.COST_SCALING));

    @Test
    void agreesWithOrToolsOnThousandsOfRandomBalancedNetworks() {
        int compared = 0;
        for (long seed = 0; seed < 3000; seed++) {
            Random random = new Random(seed);
            FlowNetwork network = randomFeasibleNetwork(random, 2 + random.nextInt(30));

            long theirs = orToolsCost(network);
            for (MinCostFlowSolver solver : solvers) {
                FlowSolution ours = solver.solve(network);

                assertThat(ours.feasible()).as("seed %d", seed).isTrue();
                assertThat(ours.totalCost()).as("seed %d", seed).isEqualTo(theirs);
            }
            compared++;
        }
        assertThat(compared).isEqualTo(3000);
    }

    @Test
    void agreesWithOrToolsOnSchedulingGraphs() {
        for (long seed = 0; seed < 200; seed++) {
            SchedulingWorkload workload = new SchedulingWorkload(40, 300, 8, (int) (seed % 100), seed);
            int bands = 1 + (int) (seed % 4);
            BatchPlanner planner = new BatchPlanner(new CostBands(bands, 1), 1, Duration.ZERO);
            for (FlowNetwork network : List.of(planner.slotModelNetwork(workload.problem()),
                    planner.relaxedNetwork(workload.problem()))) {
                long theirs = orToolsCost(network);
                for (MinCostFlowSolver solver : solvers) {
                    assertThat(solver.solve(network).totalCost()).as("seed %d", seed).isEqualTo(theirs);
                }
            }
        }
    }

    private static long orToolsCost(FlowNetwork network) {
        OrToolsFlow flow = new OrToolsFlow(network);
        try {
            return flow.solve();
        } finally {
            flow.delete();
        }
    }

    /**
     * Random arcs of cost -20..50 that only go from lower to higher node numbers (so no cycle is negative),
     * plus a costly chain through all nodes, so any supplies on lower nodes can reach the last node.
     */
    private static FlowNetwork randomFeasibleNetwork(Random random, int size) {
        int arcs = random.nextInt(size * 4);
        FlowNetwork network = new FlowNetwork(size, arcs + size);
        for (int i = 0; i < arcs; i++) {
            int tail = random.nextInt(size - 1);
            int head = tail + 1 + random.nextInt(size - 1 - tail);
            network.addArc(tail, head, random.nextInt(20), random.nextInt(71) - 20);
        }
        int total = 0;
        for (int v = 0; v < size - 1; v++) {
            int supply = random.nextInt(3) == 0 ? random.nextInt(15) : 0;
            network.setSupply(v, supply);
            total += supply;
        }
        network.setSupply(size - 1, -total);
        for (int v = 0; v < size - 1; v++) {
            network.addArc(v, v + 1, total, 1000);
        }
        return network;
    }
}
