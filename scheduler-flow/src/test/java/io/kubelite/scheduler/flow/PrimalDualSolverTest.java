package io.kubelite.scheduler.flow;

class PrimalDualSolverTest extends MinCostFlowSolverContract {

    PrimalDualSolverTest() {
        super(MinCostFlowSolver.Method.PRIMAL_DUAL);
    }
}
