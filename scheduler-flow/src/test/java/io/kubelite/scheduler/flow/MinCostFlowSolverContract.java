package io.kubelite.scheduler.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link MinCostFlowSolver.Method} must do. One instance for all cases, so the solver under test is
 * reused across them, which is part of what is tested.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MinCostFlowSolverContract {

    private final MinCostFlowSolver.Method method;
    private final MinCostFlowSolver solver;

    MinCostFlowSolverContract(MinCostFlowSolver.Method method) {
        this.method = method;
        this.solver = new MinCostFlowSolver(method);
    }

    @Test
    void routesTheSupplyAlongTheCheapestPaths() {
        FlowNetwork network = new FlowNetwork(4, 5);
        int direct = network.addArc(0, 3, 2, 10);
        int viaOne = network.addArc(0, 1, 3, 1);
        int oneOn = network.addArc(1, 3, 3, 1);
        int viaTwo = network.addArc(0, 2, 5, 4);
        int twoOn = network.addArc(2, 3, 5, 4);
        network.setSupply(0, 6);
        network.setSupply(3, -6);

        FlowSolution solution = solver.solve(network);

        assertThat(solution.feasible()).isTrue();
        assertThat(solution.totalFlow()).isEqualTo(6);
        assertThat(solution.flow(viaOne)).isEqualTo(3);
        assertThat(solution.flow(oneOn)).isEqualTo(3);
        assertThat(solution.flow(viaTwo)).isEqualTo(3);
        assertThat(solution.flow(twoOn)).isEqualTo(3);
        assertThat(solution.flow(direct)).isZero();
        assertThat(solution.totalCost()).isEqualTo(3 * 2 + 3 * 8);
    }

    @Test
    void reportsInfeasibleSupplyAndRoutesAsMuchAsFits() {
        FlowNetwork network = new FlowNetwork(2, 1);
        int arc = network.addArc(0, 1, 3, 7);
        network.setSupply(0, 5);
        network.setSupply(1, -5);

        FlowSolution solution = solver.solve(network);

        assertThat(solution.feasible()).isFalse();
        assertThat(solution.totalFlow()).isEqualTo(3);
        assertThat(solution.flow(arc)).isEqualTo(3);
        assertThat(solution.totalCost()).isEqualTo(21);
    }

    @Test
    void usesArcsOfNegativeCost() {
        FlowNetwork network = new FlowNetwork(3, 3);
        network.addArc(0, 2, 4, 1);
        int cheap = network.addArc(0, 1, 2, -5);
        network.addArc(1, 2, 2, 1);
        network.setSupply(0, 4);
        network.setSupply(2, -4);

        FlowSolution solution = solver.solve(network);

        assertThat(solution.flow(cheap)).isEqualTo(2);
        assertThat(solution.totalCost()).isEqualTo(2 * -4 + 2 * 1);
    }

    @Test
    void rejectsACycleOfNegativeCost() {
        FlowNetwork network = new FlowNetwork(3, 3);
        network.addArc(0, 1, 1, 1);
        network.addArc(1, 2, 1, -3);
        network.addArc(2, 1, 1, 1);
        network.setSupply(0, 1);
        network.setSupply(2, -1);

        assertThatThrownBy(() -> solver.solve(network)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative cost");
    }

    @Test
    void anEmptyNetworkHasNothingToRoute() {
        FlowSolution solution = solver.solve(new FlowNetwork(0, 0));

        assertThat(solution.feasible()).isTrue();
        assertThat(solution.totalFlow()).isZero();
    }

    /** A random network of 1 to 9 nodes, built from its seed; every size comes up with and without negative costs. */
    record NetworkCase(long seed, int size, boolean acyclicWithNegativeCosts) {

        FlowNetwork network() {
            return RandomNetworks.random(new Random(seed), size, acyclicWithNegativeCosts);
        }
    }

    static Stream<NetworkCase> randomNetworks() {
        Random seeds = new Random(20260101L);
        return IntStream.range(0, 3000).mapToObj(i -> new NetworkCase(seeds.nextLong(), 1 + i % 9, i / 9 % 2 == 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomNetworks")
    void matchesTheBellmanFordReferenceOnRandomNetworks(NetworkCase networkCase) {
        FlowNetwork network = networkCase.network();
        String context = networkCase.toString();

        FlowSolution solution = solver.solve(network);
        ReferenceMinCostFlow.Result reference = ReferenceMinCostFlow.solve(network);

        assertThat(solution.totalFlow()).as("%s: total flow", context).isEqualTo(reference.flow());
        assertThat(solution.totalCost()).as("%s: total cost", context).isEqualTo(reference.cost());
        FlowChecks.assertConservesFlowWithinCapacities(context, network, solution);
        FlowChecks.assertNoNegativeCycleInResidual(context, network, solution);
    }

    static Stream<Long> seeds() {
        return new Random(20260102L).longs(300).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aReusedSolverGivesTheSameAnswersAsFreshOnes(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 4; i++) {
            FlowNetwork network = RandomNetworks.random(random, 1 + random.nextInt(12), random.nextBoolean());

            FlowSolution reused = solver.solve(network);
            FlowSolution fresh = new MinCostFlowSolver(method).solve(network);

            String context = "seed " + seed + ", network " + i;
            assertThat(reused.totalCost()).as("%s: total cost", context).isEqualTo(fresh.totalCost());
            assertThat(reused.totalFlow()).as("%s: total flow", context).isEqualTo(fresh.totalFlow());
            assertThat(reused.arcFlows()).as("%s: arc flows", context).containsExactly(fresh.arcFlows());
        }
    }
}
