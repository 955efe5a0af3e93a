package io.kubelite.agent;

import static io.kubelite.agent.TestPods.condition;
import static io.kubelite.agent.TestPods.containerStatus;
import static io.kubelite.agent.TestPods.phase;
import static io.kubelite.agent.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubelite.agent.runtime.RuntimeContainer;
import io.kubelite.agent.runtime.simulated.SimulatedContainerRuntime;
import io.kubelite.model.ResourceKind;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.testing.TestStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** An agent that stops cleanly marks its node not ready; the next one adopts what the first left running. */
class AgentRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String NODE = "restarting-1";

    @RegisterExtension
    static final TestStore fixture = TestStore.onNewDatabase();

    private final SimulatedContainerRuntime runtime = new SimulatedContainerRuntime(Clock.systemUTC());
    private final ObjectStore store = fixture.store;

    @Test
    void aStoppedAgentMarksItsNodeNotReadyAndARestartedOneAdoptsItsContainers() {
        String steadyId;
        String crashedUid;
        try (ConfigurableApplicationContext first = startAgent()) {
            TestPods.create(store, pod("steady", NODE, null, null));
            crashedUid = TestPods.create(store, pod("crashed", NODE, null, null)).path("metadata").path("uid").asString();
            await().atMost(WAIT).until(() -> "Running".equals(phase(TestPods.get(store, "steady")))
                    && "Running".equals(phase(TestPods.get(store, "crashed"))));
            steadyId = containerStatus(TestPods.get(store, "steady")).path("containerID").asString();
        }
        JsonNode ready = condition(store.get(ResourceKind.NODE, null, NODE), "Ready");
        assertThat(ready.path("status").asString()).isEqualTo("False");
        assertThat(ready.path("reason").asString()).isEqualTo("KubeletStopped");

        // while no agent runs, one container ends
        runtime.exit(containersOf(crashedUid).get(0).id(), 1);

        try (ConfigurableApplicationContext second = startAgent()) {
            assertThat(condition(store.get(ResourceKind.NODE, null, NODE), "Ready").path("status").asString())
                    .isEqualTo("True");
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode crashed = containerStatus(TestPods.get(store, "crashed"));
                assertThat(crashed.path("restartCount").asInt()).isEqualTo(1);
                assertThat(crashed.path("state").path("running").isMissingNode()).isFalse();
            });
            JsonNode steady = containerStatus(TestPods.get(store, "steady"));
            assertThat(steady.path("containerID").asString()).isEqualTo(steadyId);
            assertThat(steady.path("restartCount").asInt()).isZero();
            assertThat(runtime.containers(Set.of(NODE))).hasSize(3)
                    .filteredOn(c -> c.pod().name().equals("steady")).hasSize(1);
        }
    }

    private ConfigurableApplicationContext startAgent() {
        return TestAgents.start(fixture.url, runtime, "kubelite.agent.runtime=simulated",
                "kubelite.agent.node-name=restarting", "kubelite.agent.restart-back-off.base=300ms",
                "kubelite.agent.sync-period=200ms");
    }

    private List<RuntimeContainer> containersOf(String uid) {
        return runtime.containers(Set.of(NODE)).stream().filter(c -> c.pod().uid().equals(uid)).toList();
    }
}
