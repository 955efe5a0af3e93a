package io.kubelite.scheduler;

import org.springframework.test.context.TestPropertySource;

/** The service's behaviour, unchanged with the whole-batch algorithm. */
@TestPropertySource(properties = "kubelite.scheduler.algorithm=mincostflow")
class MinCostFlowSchedulerServiceTest extends SchedulerServiceTest {
}
