package io.kubelite.scheduler.flow;

class CostScalingSolverTest extends MinCostFlowSolverContract {

    CostScalingSolverTest() {
        super(MinCostFlowSolver.Method.COST_SCALING);
    }
}
