package io.kubelite.agent;

import static io.kubelite.agent.TestPods.containerStatus;
import static io.kubelite.agent.TestPods.phase;
import static io.kubelite.agent.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.kubelite.model.ResourceKind;
import io.kubelite.store.DeleteOptions;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.testing.TestStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agent with the Docker runtime against the real engine ({@code DOCKER_HOST}, as {@code deploy/kube-lite test}
 * exports it) and the local image {@code kubelite/busybox:1}. Every container of the test's node is removed after.
 */
class DockerAgentTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String NODE = "docker-agent-" + UUID.randomUUID().toString().substring(0, 8);

    @RegisterExtension
    static final TestStore fixture = TestStore.onNewDatabase();

    private static DockerClient docker;
    private static ConfigurableApplicationContext agent;
    private final ObjectStore store = fixture.store;

    @BeforeAll
    static void startAgent() {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        docker = DockerClientImpl.getInstance(config,
                new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
        agent = newAgent();
    }

    @AfterAll
    static void removeContainers() throws IOException {
        if (agent != null) {
            agent.close();
        }
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("io.kubelite.node", NODE)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        docker.close();
    }

    private static ConfigurableApplicationContext newAgent() {
        return TestAgents.start(fixture.url, null, "kubelite.agent.runtime=docker", "kubelite.agent.node-name=" + NODE,
                "kubelite.agent.restart-back-off.base=500ms", "kubelite.agent.restart-back-off.max=2s",
                "kubelite.agent.sync-period=300ms");
    }

    @Test
    void runsAPodWithItsCommandArgsEnvAndLimitsAndServesItsLogs() throws Exception {
        ObjectNode pod = shell("greeter", "echo hello $GREETING; sleep 3600");
        ObjectNode container = TestPods.container(pod);
        container.putArray("env").addObject().put("name", "GREETING").put("value", "kube-lite");
        container.putObject("resources").putObject("limits").put("cpu", "500m").put("memory", "64Mi");
        TestPods.create(store, pod);

        await().atMost(WAIT).until(() -> "Running".equals(phase(TestPods.get(store, "greeter"))));
        ObjectNode running = TestPods.get(store, "greeter");
        assertThat(running.path("status").path("podIP").asString()).isNotEmpty();
        String id = containerStatus(running).path("containerID").asString();
        assertThat(id).startsWith("docker://");
        InspectContainerResponse inspected = docker.inspectContainerCmd(id.substring("docker://".length())).exec();
        assertThat(inspected.getConfig().getEnv()).contains("GREETING=kube-lite");
        assertThat(inspected.getConfig().getEntrypoint()).containsExactly("sh", "-c");
        assertThat(inspected.getConfig().getCmd()).containsExactly("echo hello $GREETING; sleep 3600");
        assertThat(inspected.getHostConfig().getMemory()).isEqualTo(64L * 1024 * 1024);
        assertThat(inspected.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);

        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> logs = logs("greeter");
            assertThat(logs.statusCode()).isEqualTo(200);
            assertThat(logs.body()).contains("hello kube-lite");
        });
    }

    @Test
    void aCrashingContainerIsRestartedWithBackOffAndItsRestartCountGrows() {
        TestPods.create(store, shell("crasher", "echo crashing; exit 1"));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode status = containerStatus(TestPods.get(store, "crasher"));
            assertThat(status.path("restartCount").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(status.path("lastState").path("terminated").path("exitCode").asInt()).isEqualTo(1);
            assertThat(status.path("lastState").path("terminated").path("reason").asString()).isEqualTo("Error");
        });
        assertThat(phase(TestPods.get(store, "crasher"))).isEqualTo("Running");
    }

    @Test
    void aPodThatNeverRestartsEndsFailedWithItsExitCode() {
        ObjectNode pod = shell("quitter", "exit 7");
        ((ObjectNode) pod.get("spec")).put("restartPolicy", "Never");
        TestPods.create(store, pod);

        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode quitter = TestPods.get(store, "quitter");
            assertThat(phase(quitter)).isEqualTo("Failed");
            assertThat(containerStatus(quitter).path("state").path("terminated").path("exitCode").asInt()).isEqualTo(7);
            assertThat(containerStatus(quitter).path("restartCount").asInt()).isZero();
        });
    }

    @Test
    void aDeletedPodsContainerIsKilledAfterTheGracePeriodAndRemoved() {
        ObjectNode pod = shell("stubborn", "trap '' TERM; while true; do sleep 1; done");
        ((ObjectNode) pod.get("spec")).put("terminationGracePeriodSeconds", 2);
        TestPods.create(store, pod);
        await().atMost(WAIT).until(() -> "Running".equals(phase(TestPods.get(store, "stubborn"))));
        String id = containerStatus(TestPods.get(store, "stubborn")).path("containerID").asString()
                .substring("docker://".length());

        long started = System.nanoTime();
        store.delete(ResourceKind.POD, "default", "stubborn", DeleteOptions.NONE);
        await().atMost(Duration.ofSeconds(10)).until(() -> TestPods.get(store, "stubborn") == null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(8));
        assertThat(exists(id)).isFalse();
    }

    @Test
    void aMissingImageLeavesTheContainerWaitingWithErrImagePull() {
        ObjectNode pod = shell("imageless", "true");
        TestPods.container(pod).put("image", "kubelite/missing:1").put("imagePullPolicy", "IfNotPresent");
        TestPods.create(store, pod);

        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode imageless = TestPods.get(store, "imageless");
            JsonNode waiting = containerStatus(imageless).path("state").path("waiting");
            assertThat(waiting.path("reason").asString()).isIn("ErrImagePull", "ImagePullBackOff");
            assertThat(waiting.path("message").asString()).isNotEmpty();
            assertThat(phase(imageless)).isEqualTo("Pending");
        });
    }

    @Test
    void aRestartedAgentAdoptsTheContainersItRuns() {
        TestPods.create(store, shell("adoptee", "sleep 3600"));
        await().atMost(WAIT).until(() -> "Running".equals(phase(TestPods.get(store, "adoptee"))));
        String id = containerStatus(TestPods.get(store, "adoptee")).path("containerID").asString();

        agent.close();
        agent = newAgent();

        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> {
            JsonNode status = containerStatus(TestPods.get(store, "adoptee"));
            assertThat(status.path("containerID").asString()).isEqualTo(id);
            assertThat(status.path("restartCount").asInt()).isZero();
        });
        assertThat(docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("io.kubelite.node", NODE, "io.kubelite.container.name", "app")).exec())
                .filteredOn(c -> c.getNames()[0].contains("_adoptee_")).hasSize(1);
    }

    private static ObjectNode shell(String name, String script) {
        ObjectNode pod = pod(name, NODE, "10m", "16Mi");
        TestPods.withCommand(pod, List.of("sh", "-c"));
        TestPods.container(pod).putArray("args").add(script);
        return pod;
    }

    private static boolean exists(String id) {
        try {
            docker.inspectContainerCmd(id).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static HttpResponse<String> logs(String pod) throws Exception {
        int port = ((WebServerApplicationContext) agent).getWebServer().getPort();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/containerLogs/default/" + pod + "/app")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
