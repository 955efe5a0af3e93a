package io.kubelite.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentPropertiesTest {

    @Test
    void anAgentOfRealContainersHostsOneNodeNamedAfterTheMachineUnlessNamed() {
        assertThat(properties(null, "docker", 1, 1).hostedNodeNames("host-a")).containsExactly("host-a");
        assertThat(properties("node-7", "docker", 1, 1).hostedNodeNames("host-a")).containsExactly("node-7");
    }

    @Test
    void simulatedNodesAreNumberedFromTheFirstNode() {
        assertThat(properties(null, "simulated", 3, 1).hostedNodeNames("host-a"))
                .containsExactly("sim-1", "sim-2", "sim-3");
        assertThat(properties("node", "simulated", 2, 3).hostedNodeNames("host-a"))
                .containsExactly("node-3", "node-4");
    }

    @Test
    void refusesSeveralNodesOfRealContainersAndUnknownRuntimes() {
        assertThatThrownBy(() -> properties("n", "docker", 2, 1)).hasMessageContaining("kubelite.agent.nodes=2");
        assertThatThrownBy(() -> properties("n", "podman", 1, 1)).hasMessageContaining("podman");
    }

    private static AgentProperties properties(String nodeName, String runtime, int nodes, int firstNode) {
        return new AgentProperties(nodeName, runtime, nodes, firstNode, null, new AgentProperties.Capacity(null, null, 110),
                Duration.ofSeconds(2), Duration.ofSeconds(40), Duration.ofSeconds(5), null, Duration.ofSeconds(1), 16);
    }
}
