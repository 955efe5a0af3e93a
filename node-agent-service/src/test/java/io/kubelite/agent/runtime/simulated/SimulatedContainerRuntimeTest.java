package io.kubelite.agent.runtime.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.agent.runtime.PodRef;
import io.kubelite.model.core.Container;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class SimulatedContainerRuntimeTest {

    @Test
    void nodesOfOnePrefixGetDistinctRangesWhicheverProcessHostsThem() {
        assertThat(SimulatedContainerRuntime.range("node-1")).isEqualTo(2);
        assertThat(SimulatedContainerRuntime.range("node-2")).isEqualTo(3);
        assertThat(SimulatedContainerRuntime.range("sim-1000")).isEqualTo(1001);
        assertThat(SimulatedContainerRuntime.range("worker")).isBetween(1, 65_535);
        assertThat(SimulatedContainerRuntime.range("node-99999999999")).isBetween(1, 65_535);
    }

    @Test
    void twoRuntimesGivePodsOfDifferentNodesDifferentAddresses() throws Exception {
        Container container = new Container("c", "kubelite/busybox:1", null, null, null, null, null, null, null, null,
                null, null, null, null);
        String first = new SimulatedContainerRuntime(Clock.systemUTC())
                .start(new PodRef("node-1", "default", "a", "uid-a"), container, 0).ip();
        String second = new SimulatedContainerRuntime(Clock.systemUTC())
                .start(new PodRef("node-2", "default", "b", "uid-b"), container, 0).ip();
        assertThat(first).isEqualTo("10.0.2.1");
        assertThat(second).isEqualTo("10.0.3.1");
    }
}
