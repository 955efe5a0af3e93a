package io.kubelite.scheduler.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class MinCostFlowSolverTest {

    private final MinCostFlowSolver solver = new MinCostFlowSolver();

    @Example
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

    @Example
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

    @Example
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

    @Example
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

    @Example
    void anEmptyNetworkHasNothingToRoute() {
        FlowSolution solution = solver.solve(new FlowNetwork(0, 0));

        assertThat(solution.feasible()).isTrue();
        assertThat(solution.totalFlow()).isZero();
    }

    @Property(tries = 3000)
    void matchesTheBellmanFordReferenceOnRandomNetworks(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int size,
            @ForAll boolean acyclicWithNegativeCosts) {
        FlowNetwork network = RandomNetworks.random(new Random(seed), size, acyclicWithNegativeCosts);

        FlowSolution solution = solver.solve(network);
        ReferenceMinCostFlow.Result reference = ReferenceMinCostFlow.solve(network);

        assertThat(solution.totalFlow()).isEqualTo(reference.flow());
        assertThat(solution.totalCost()).isEqualTo(reference.cost());
        FlowChecks.assertConservesFlowWithinCapacities(network, solution);
        FlowChecks.assertNoNegativeCycleInResidual(network, solution);
    }

    @Property(tries = 300)
    void aReusedSolverGivesTheSameAnswersAsFreshOnes(@ForAll long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 4; i++) {
            FlowNetwork network = RandomNetworks.random(random, 1 + random.nextInt(12), random.nextBoolean());

            FlowSolution reused = solver.solve(network);
            FlowSolution fresh = new MinCostFlowSolver().solve(network);

            assertThat(reused.totalCost()).isEqualTo(fresh.totalCost());
            assertThat(reused.totalFlow()).isEqualTo(fresh.totalFlow());
            assertThat(reused.arcFlows()).containsExactly(fresh.arcFlows());
        }
    }
}
