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
import io.kubelite.store.DeleteOptions;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import io.kubelite.store.lease.NodeLease;
import io.kubelite.store.lease.NodeLeaseStore;
import io.kubelite.store.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One agent hosting two virtual nodes: {@code agent-test-1} runs the lifecycle tests, {@code agent-test-2} is
 * filled by the pod-count admission test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.connection-timeout=2000",
        "kubelite.agent.runtime=simulated", "kubelite.agent.node-name=agent-test", "kubelite.agent.nodes=2",
        "kubelite.agent.capacity.cpu=4", "kubelite.agent.capacity.memory=8Gi", "kubelite.agent.capacity.pods=10",
        "kubelite.agent.heartbeat-interval=300ms", "kubelite.agent.node-status-period=300ms",
        "kubelite.agent.restart-back-off.base=500ms",
        "kubelite.agent.restart-back-off.max=2s", "kubelite.agent.sync-period=200ms"})
@DirtiesContext
class SimulatedAgentTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String NODE = "agent-test-1";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerNewDatabase(registry);
    }

    @Autowired
    ObjectStore store;

    @Autowired
    NodeLeaseStore leases;

    @Autowired
    SimulatedContainerRuntime runtime;

    @LocalServerPort
    int port;

    @Test
    void registersEachNodeReadyWithLabelsCapacityAddressesAndTheLogPort() {
        for (String name : List.of("agent-test-1", "agent-test-2")) {
            ObjectNode node = store.get(ResourceKind.NODE, null, name);
            JsonNode labels = node.path("metadata").path("labels");
            assertThat(labels.path("kubernetes.io/hostname").asString()).isEqualTo(name);
            assertThat(labels.path("kubernetes.io/os").asString()).isEqualTo("linux");
            assertThat(labels.path("kubernetes.io/arch").asString()).isNotEmpty();
            JsonNode status = node.path("status");
            assertThat(status.path("capacity").path("cpu").asString()).isEqualTo("4");
            assertThat(status.path("allocatable").path("memory").asString()).isEqualTo("8Gi");
            assertThat(status.path("allocatable").path("pods").asString()).isEqualTo("10");
            assertThat(condition(node, "Ready").path("status").asString()).isEqualTo("True");
            assertThat(condition(node, "Ready").path("reason").asString()).isEqualTo("KubeletReady");
            assertThat(status.path("daemonEndpoints").path("kubeletEndpoint").path("Port").asInt()).isEqualTo(port);
            assertThat(status.path("nodeInfo").path("containerRuntimeVersion").asString()).isEqualTo("simulated://0.1.0");
            List<String> addressTypes = status.path("addresses").valueStream().map(a -> a.path("type").asString()).toList();
            assertThat(addressTypes).containsExactly("InternalIP", "Hostname");
        }
    }

    @Test
    void aNodeMarkedUnknownWhileTheAgentRunsIsReportedReadyAgain() {
        ObjectNode node = store.get(ResourceKind.NODE, null, "agent-test-2");
        for (JsonNode condition : node.path("status").path("conditions")) {
            if ("Ready".equals(condition.path("type").asString())) {
                ((ObjectNode) condition).put("status", "Unknown").put("reason", "NodeStatusUnknown");
            }
        }
        store.updateStatus(ResourceKind.NODE, node, WriteOptions.NONE);

        await().atMost(WAIT).untilAsserted(() -> assertThat(condition(store.get(ResourceKind.NODE, null,
                "agent-test-2"), "Ready").path("status").asString()).isEqualTo("True"));
    }

    @Test
    void renewsTheLeasesOfAllItsNodes() {
        Map<String, Instant> first = renewTimes();
        assertThat(first).containsKeys("agent-test-1", "agent-test-2");

        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Instant> later = renewTimes();
            assertThat(later.get("agent-test-1")).isAfter(first.get("agent-test-1"));
            assertThat(later.get("agent-test-2")).isAfter(first.get("agent-test-2"));
        });
        assertThat(leases.list()).filteredOn(l -> l.nodeName().startsWith("agent-test"))
                .allSatisfy(l -> assertThat(l.expired()).isFalse());
    }

    @Test
    void aBoundPodGoesFromPendingToRunningWithConditionsAndAnAddress() {
        TestPods.create(store, pod("web", NODE, "100m", "64Mi"));

        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode pod = TestPods.get(store, "web");
            assertThat(phase(pod)).isEqualTo("Running");
            for (String type : List.of("Initialized", "ContainersReady", "Ready", "PodScheduled")) {
                assertThat(condition(pod, type).path("status").asString()).as(type).isEqualTo("True");
            }
            JsonNode status = pod.path("status");
            assertThat(status.path("podIP").asString()).startsWith("10.");
            assertThat(status.path("hostIP").asString()).isNotEmpty();
            assertThat(status.path("startTime").asString()).isNotEmpty();
            JsonNode container = containerStatus(pod);
            assertThat(container.path("name").asString()).isEqualTo("app");
            assertThat(container.path("ready").asBoolean()).isTrue();
            assertThat(container.path("started").asBoolean()).isTrue();
            assertThat(container.path("restartCount").asInt()).isZero();
            assertThat(container.path("state").path("running").path("startedAt").asString()).isNotEmpty();
            assertThat(container.path("containerID").asString()).startsWith("simulated://");
        });
    }

    @Test
    void podsNotYetBoundAreLeftAloneWhileBoundOnesRun() {
        ObjectNode pending = pod("pending", NODE, null, null);
        ((ObjectNode) pending.get("spec")).remove("nodeName");
        TestPods.create(store, pending);
        TestPods.create(store, pod("bound-after-pending", NODE, null, null));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(phase(TestPods.get(store, "bound-after-pending"))).isEqualTo("Running"));
        assertThat(TestPods.get(store, "pending").path("status").has("containerStatuses")).isFalse();
    }

    @Test
    void aGracefullyDeletedPodHasItsContainersStoppedAndIsThenDeleted() {
        ObjectNode created = TestPods.create(store, pod("doomed", NODE, null, null));
        String uid = created.path("metadata").path("uid").asString();
        await().atMost(WAIT).until(() -> "Running".equals(phase(TestPods.get(store, "doomed"))));

        ObjectNode marked = store.delete(ResourceKind.POD, "default", "doomed", DeleteOptions.NONE);
        assertThat(marked.path("metadata").path("deletionTimestamp").isMissingNode()).isFalse();

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(TestPods.get(store, "doomed")).isNull();
            assertThat(containersOf(uid)).isEmpty();
        });
    }

    @Test
    void aPodThatDoesNotFitIsRejectedByAdmissionWithTheKubeletsReason() {
        TestPods.create(store, pod("too-much-cpu", NODE, "5", null));
        TestPods.create(store, pod("too-much-memory", NODE, null, "9Gi"));

        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode cpu = TestPods.get(store, "too-much-cpu");
            assertThat(phase(cpu)).isEqualTo("Failed");
            assertThat(cpu.path("status").path("reason").asString()).isEqualTo("OutOfcpu");
            assertThat(cpu.path("status").path("message").asString()).isEqualTo(
                    "Pod was rejected: Node didn't have enough resource: cpu, requested: 5000, used: 0, capacity: 4000");
            ObjectNode memory = TestPods.get(store, "too-much-memory");
            assertThat(phase(memory)).isEqualTo("Failed");
            assertThat(memory.path("status").path("reason").asString()).isEqualTo("OutOfmemory");
        });
        assertThat(runtime.containers(Set.of(NODE))).noneMatch(c -> c.pod().name().startsWith("too-much"));
    }

    @Test
    void aNodeRunningAsManyPodsAsItsAllocatableRejectsOneMore() {
        List<String> fillers = IntStream.rangeClosed(1, 10).mapToObj(i -> "filler-" + i).toList();
        fillers.forEach(name -> TestPods.create(store, pod(name, "agent-test-2", null, null)));
        await().atMost(WAIT).until(() -> fillers.stream().allMatch(name -> "Running".equals(phase(TestPods.get(store, name)))));

        TestPods.create(store, pod("one-too-many", "agent-test-2", null, null));

        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode pod = TestPods.get(store, "one-too-many");
            assertThat(phase(pod)).isEqualTo("Failed");
            assertThat(pod.path("status").path("reason").asString()).isEqualTo("OutOfpods");
            assertThat(pod.path("status").path("message").asString()).isEqualTo(
                    "Pod was rejected: Node didn't have enough resource: pods, requested: 1, used: 10, capacity: 10");
        });
    }

    @Test
    void aContainerThatEndsIsRestartedAfterABackOffAndItsRestartCountGrows() {
        String uid = TestPods.create(store, pod("crashy", NODE, null, null)).path("metadata").path("uid").asString();
        await().atMost(WAIT).until(() -> "Running".equals(phase(TestPods.get(store, "crashy"))));

        runtime.exit(latest(uid).id(), 1);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode container = containerStatus(TestPods.get(store, "crashy"));
            assertThat(container.path("state").path("waiting").path("reason").asString()).isEqualTo("CrashLoopBackOff");
            assertThat(container.path("lastState").path("terminated").path("exitCode").asInt()).isEqualTo(1);
            assertThat(container.path("ready").asBoolean()).isFalse();
        });
        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode pod = TestPods.get(store, "crashy");
            assertThat(containerStatus(pod).path("restartCount").asInt()).isEqualTo(1);
            assertThat(containerStatus(pod).path("state").path("running").isMissingNode()).isFalse();
            assertThat(phase(pod)).isEqualTo("Running");
        });
        runtime.exit(latest(uid).id(), 2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                containerStatus(TestPods.get(store, "crashy")).path("restartCount").asInt()).isEqualTo(2));
        assertThat(containersOf(uid)).extracting(RuntimeContainer::attempt).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void aPodThatNeverRestartsFailsWithItsContainersExitCode() {
        ObjectNode spec = pod("one-shot", NODE, null, null);
        ((ObjectNode) spec.get("spec")).put("restartPolicy", "Never");
        String uid = TestPods.create(store, spec).path("metadata").path("uid").asString();
        await().atMost(WAIT).until(() -> "Running".equals(phase(TestPods.get(store, "one-shot"))));

        runtime.exit(latest(uid).id(), 3);

        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode pod = TestPods.get(store, "one-shot");
            assertThat(phase(pod)).isEqualTo("Failed");
            JsonNode terminated = containerStatus(pod).path("state").path("terminated");
            assertThat(terminated.path("exitCode").asInt()).isEqualTo(3);
            assertThat(terminated.path("reason").asString()).isEqualTo("Error");
            assertThat(condition(pod, "Ready").path("status").asString()).isEqualTo("False");
        });
        assertThat(containersOf(uid)).hasSize(1);
    }

    @Test
    void containersWhosePodNoLongerExistsAreStoppedAndRemoved() {
        String uid = TestPods.create(store, pod("vanishing", NODE, null, null)).path("metadata").path("uid").asString();
        await().atMost(WAIT).until(() -> "Running".equals(phase(TestPods.get(store, "vanishing"))));

        store.delete(ResourceKind.POD, "default", "vanishing", DeleteOptions.IMMEDIATE);

        await().atMost(WAIT).untilAsserted(() -> assertThat(containersOf(uid)).isEmpty());
    }

    @Test
    void servesAContainersLogsAndAnswersNotFoundForAPodItDoesNotRun() throws Exception {
        TestPods.create(store, pod("talker", NODE, null, null));
        await().atMost(WAIT).until(() -> "Running".equals(phase(TestPods.get(store, "talker"))));

        HttpResponse<String> logs = httpGet("/containerLogs/default/talker/app?tailLines=10");
        assertThat(logs.statusCode()).isEqualTo(200);
        assertThat(logs.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(logs.body()).contains("app of pod default/talker is simulated");

        HttpResponse<String> missing = httpGet("/containerLogs/default/nobody/app");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"kind\":\"Status\"", "\"reason\":\"NotFound\"");
        assertThat(httpGet("/containerLogs/default/talker/sidecar").statusCode()).isEqualTo(404);
    }

    @Test
    void prometheusShowsTheAgentsMetrics() throws Exception {
        TestPods.create(store, pod("counted", NODE, null, null));
        await().atMost(WAIT).until(() -> "Running".equals(phase(TestPods.get(store, "counted"))));

        assertThat(httpGet("/actuator/prometheus").body()).contains("kubelite_agent_nodes 2.0",
                "kubelite_agent_heartbeats_total{result=\"renewed\"}", "kubelite_agent_pods{phase=\"Running\"}",
                "kubelite_agent_status_writes_total{result=\"written\"}",
                "kubelite_agent_container_starts_total{result=\"started\"}", "kubelite_agent_pod_sync_duration_seconds");
    }

    private Map<String, Instant> renewTimes() {
        return leases.list().stream().collect(Collectors.toMap(NodeLease::nodeName, NodeLease::renewTime));
    }

    private List<RuntimeContainer> containersOf(String uid) {
        return runtime.containers(Set.of(NODE)).stream().filter(c -> c.pod().uid().equals(uid)).toList();
    }

    private RuntimeContainer latest(String uid) {
        return containersOf(uid).stream().filter(RuntimeContainer::running).findFirst().orElseThrow();
    }

    private HttpResponse<String> httpGet(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
