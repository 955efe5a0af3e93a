package io.kubelite.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.ResourceKind;
import io.kubelite.store.ListOptions;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.lease.NodeLease;
import io.kubelite.store.lease.NodeLeaseStore;
import io.kubelite.store.testing.TestStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One simulated agent process hosts 1,000 nodes: they register quickly and stay ready at modest CPU. */
class ThousandNodesTest {

    private static final int NODES = 1000;
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);
    private static final Duration OBSERVED = Duration.ofSeconds(6);

    @RegisterExtension
    static final TestStore fixture = TestStore.onNewDatabase();

    @Test
    void aThousandVirtualNodesRegisterAndStayReadyWithFreshLeases() throws InterruptedException {
        ObjectStore store = fixture.store;
        try (ConfigurableApplicationContext agent = TestAgents.start(fixture.url, null,
                "kubelite.agent.runtime=simulated", "kubelite.agent.nodes=" + NODES)) {
            double registrationMs = agent.getBean(MeterRegistry.class).get("kubelite.agent.registration.duration")
                    .timer().totalTime(TimeUnit.MILLISECONDS);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            Thread.sleep(OBSERVED.toMillis());
            double cpuShare = (double) (os.getProcessCpuTime() - cpuBefore) / (System.nanoTime() - wallBefore);

            List<ObjectNode> nodes = store.list(ResourceKind.NODE, ListOptions.all()).items();
            assertThat(nodes).hasSize(NODES).allSatisfy(node ->
                    assertThat(TestPods.condition(node, "Ready").path("status").asString()).isEqualTo("True"));
            List<NodeLease> leases = agent.getBean(NodeLeaseStore.class).list();
            assertThat(leases).hasSize(NODES).allSatisfy(lease ->
                    assertThat(lease.age()).isLessThan(HEARTBEAT.multipliedBy(2)));
            JsonNode first = nodes.get(0).path("metadata").path("labels");
            assertThat(first.path("kubernetes.io/hostname").asString()).startsWith("sim-");
            System.out.printf("%d simulated nodes registered in %.0f ms; over %d s of heartbeats the agent used"
                    + " %.1f%% of one core%n", NODES, registrationMs, OBSERVED.toSeconds(), cpuShare * 100);
            assertThat(cpuShare).as("share of one core").isLessThan(0.5);
        }
    }
}
