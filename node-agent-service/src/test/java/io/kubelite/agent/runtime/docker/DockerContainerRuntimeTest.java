package io.kubelite.agent.runtime.docker;

import static io.kubelite.agent.runtime.docker.DockerTestEngine.IMAGE;
import static io.kubelite.agent.runtime.docker.DockerTestEngine.awaitExit;
import static io.kubelite.agent.runtime.docker.DockerTestEngine.container;
import static io.kubelite.agent.runtime.docker.DockerTestEngine.pod;
import static io.kubelite.agent.runtime.docker.DockerTestEngine.shell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import io.kubelite.agent.runtime.ContainerStartException;
import io.kubelite.agent.runtime.LogOptions;
import io.kubelite.agent.runtime.PodRef;
import io.kubelite.agent.runtime.RuntimeContainer;
import io.kubelite.model.core.Container;
import io.kubelite.model.core.ContainerPort;
import io.kubelite.model.core.EnvVar;
import io.kubelite.model.core.ResourceRequirements;
import io.kubelite.model.quantity.Quantity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DockerContainerRuntimeTest {

    private final String node = DockerTestEngine.uniqueNode("runtime-test");
    private final DockerContainerRuntime runtime = DockerTestEngine.runtime();
    private final DockerClient docker = DockerTestEngine.docker();

    @AfterEach
    void removeContainers() {
        DockerTestEngine.removeAll(node);
    }

    @Test
    void startsWithCommandArgsEnvAndWorkingDirAsGiven() throws Exception {
        Container spec = new Container("greeter", IMAGE, List.of("sh", "-c"),
                List.of("echo \"$GREETING from $(pwd)\"; echo \"$EMPTY-end\""), "/tmp", null,
                List.of(new EnvVar("GREETING", "hello"), new EnvVar("EMPTY", null)),
                null, null, null, null, null, null, "Never");
        PodRef pod = pod(node, "greeter-pod");

        RuntimeContainer started = runtime.start(pod, spec, 2);

        InspectContainerResponse inspected = docker.inspectContainerCmd(started.id()).exec();
        assertThat(inspected.getName()).isEqualTo("/kubelite_" + node + "_default_greeter-pod_greeter_2_"
                + DockerTestEngine.TEST_CLUSTER.substring(0, 8));
        assertThat(inspected.getConfig().getEntrypoint()).containsExactly("sh", "-c");
        assertThat(inspected.getConfig().getCmd()).containsExactly("echo \"$GREETING from $(pwd)\"; echo \"$EMPTY-end\"");
        assertThat(inspected.getConfig().getEnv()).contains("GREETING=hello", "EMPTY=");
        assertThat(inspected.getConfig().getWorkingDir()).isEqualTo("/tmp");
        assertThat(inspected.getConfig().getLabels()).containsAllEntriesOf(Map.of(
                "io.kubelite.cluster", DockerTestEngine.TEST_CLUSTER,
                "io.kubelite.node", node,
                "io.kubelite.pod.namespace", "default",
                "io.kubelite.pod.name", "greeter-pod",
                "io.kubelite.pod.uid", pod.uid(),
                "io.kubelite.container.name", "greeter",
                "io.kubelite.container.attempt", "2"));
        assertThat(started.pod()).isEqualTo(pod);
        assertThat(started.containerName()).isEqualTo("greeter");
        assertThat(started.attempt()).isEqualTo(2);
        assertThat(started.image()).isEqualTo(IMAGE);
        assertThat(started.imageId()).isEqualTo(docker.inspectImageCmd(IMAGE).exec().getId());
        assertThat(started.startedAt()).isNotNull();

        awaitExit(node, started.id());
        assertThat(logs(started.id())).isEqualTo("hello from /tmp\n-end\n");
    }

    @Test
    void argsAloneKeepTheImageEntrypointAndCommandAloneDropsTheImageCmd() throws Exception {
        RuntimeContainer argsOnly = runtime.start(pod(node, "args"), container("c", null, List.of("echo", "args")), 0);
        RuntimeContainer commandOnly = runtime.start(pod(node, "cmd"), container("c", List.of("echo", "command"), null), 0);

        awaitExit(node, argsOnly.id());
        awaitExit(node, commandOnly.id());
        assertThat(logs(argsOnly.id())).isEqualTo("args\n");
        assertThat(logs(commandOnly.id())).isEqualTo("command\n");
        assertThat(docker.inspectContainerCmd(commandOnly.id()).exec().getConfig().getCmd()).isNullOrEmpty();
    }

    @Test
    void appliesMemoryAndCpuLimitsButNotRequests() throws Exception {
        Container spec = withResources(shell("limited", "sleep 30"),
                Map.of("memory", Quantity.parse("64Mi"), "cpu", Quantity.parse("500m")),
                Map.of("memory", Quantity.parse("32Mi"), "cpu", Quantity.parse("250m")));

        RuntimeContainer started = runtime.start(pod(node, "limited"), spec, 0);

        HostConfig host = docker.inspectContainerCmd(started.id()).exec().getHostConfig();
        assertThat(host.getMemory()).isEqualTo(64L * 1024 * 1024);
        assertThat(host.getMemorySwap()).isEqualTo(64L * 1024 * 1024);
        assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(host.getMemoryReservation()).isIn(null, 0L);
        assertThat(host.getCpuShares()).isIn(null, 0);
        assertThat(started.running()).isTrue();
    }

    @Test
    void capsACpuLimitAboveTheEngineCpusInsteadOfFailing() throws Exception {
        int engineCpus = docker.infoCmd().exec().getNCPU();
        Container spec = withResources(shell("greedy", "true"),
                Map.of("cpu", Quantity.of(engineCpus + 8L)), null);

        RuntimeContainer started = runtime.start(pod(node, "greedy"), spec, 0);

        assertThat(docker.inspectContainerCmd(started.id()).exec().getHostConfig().getNanoCPUs())
                .isEqualTo(engineCpus * 1_000_000_000L);
    }

    @Test
    void publishesContainerPortsOnTheirHostPorts() throws Exception {
        int hostPort = freePort();
        Container spec = new Container("web", IMAGE, List.of("sh", "-c"),
                List.of("mkdir -p /www && echo served > /www/index.html && exec httpd -f -p 8080 -h /www"),
                null,
                List.of(new ContainerPort("http", hostPort, 8080, "TCP", null),
                        new ContainerPort("dns", null, 53, "UDP", null)),
                null, null, null, null, null, null, null, "Never");

        RuntimeContainer started = runtime.start(pod(node, "web"), spec, 0);

        InspectContainerResponse inspected = docker.inspectContainerCmd(started.id()).exec();
        assertThat(inspected.getConfig().getExposedPorts()).containsExactlyInAnyOrder(
                ExposedPort.tcp(8080), ExposedPort.udp(53));
        assertThat(inspected.getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(8080))[0]
                .getHostPortSpec()).isEqualTo(Integer.toString(hostPort));
        assertThat(started.ip()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(httpGet(hostPort, Duration.ofSeconds(10))).isEqualTo("served\n");
    }

    @Test
    void anExitOfZeroIsCompletedAndAnyOtherIsAnError() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        RuntimeContainer ok = runtime.start(pod(node, "ok"), shell("c", "exit 0"), 0);
        RuntimeContainer failing = runtime.start(pod(node, "failing"), shell("c", "echo failing >&2; exit 3"), 0);

        RuntimeContainer okEnded = awaitExit(node, ok.id());
        RuntimeContainer failingEnded = awaitExit(node, failing.id());

        assertThat(okEnded.exitCode()).isZero();
        assertThat(okEnded.reason()).isEqualTo("Completed");
        assertThat(failingEnded.exitCode()).isEqualTo(3);
        assertThat(failingEnded.reason()).isEqualTo("Error");
        // The engine stamps a container that exits at once with a finish a few milliseconds before its start.
        assertThat(failingEnded.finishedAt()).isAfter(before)
                .isCloseTo(failingEnded.startedAt(), within(1, ChronoUnit.SECONDS));
        assertThat(failingEnded.ip()).isNull();
    }

    @Test
    void aContainerOverItsMemoryLimitIsOomKilled() throws Exception {
        Container hog = withResources(shell("hog", "x=$(yes | head -c 200m); echo survived"),
                Map.of("memory", Quantity.parse("16Mi")), null);

        RuntimeContainer started = runtime.start(pod(node, "hog"), hog, 0);

        RuntimeContainer ended = awaitExit(node, started.id());
        assertThat(ended.reason()).isEqualTo("OOMKilled");
        assertThat(ended.exitCode()).isEqualTo(137);
        assertThat(logs(started.id())).doesNotContain("survived");
    }

    @Test
    void listsTheContainersOfTheGivenNodesOnlyWithTheirState() throws Exception {
        String otherNode = DockerTestEngine.uniqueNode("runtime-test-other");
        try {
            RuntimeContainer mine = runtime.start(pod(node, "mine"), shell("c", "sleep 30"), 0);
            RuntimeContainer ended = runtime.start(pod(node, "ended"), shell("c", "exit 0"), 1);
            RuntimeContainer theirs = runtime.start(pod(otherNode, "theirs"), shell("c", "sleep 30"), 0);
            awaitExit(node, ended.id());

            List<RuntimeContainer> found = runtime.containers(Set.of(node));

            assertThat(found).extracting(RuntimeContainer::id).containsExactlyInAnyOrder(mine.id(), ended.id());
            RuntimeContainer running = found.stream().filter(c -> c.id().equals(mine.id())).findFirst().orElseThrow();
            assertThat(running.state()).isEqualTo(RuntimeContainer.State.RUNNING);
            assertThat(running.pod()).isEqualTo(mine.pod());
            assertThat(running.ip()).isNotNull();
            assertThat(running.exitCode()).isNull();
            RuntimeContainer exited = found.stream().filter(c -> c.id().equals(ended.id())).findFirst().orElseThrow();
            assertThat(exited.state()).isEqualTo(RuntimeContainer.State.EXITED);
            assertThat(exited.attempt()).isEqualTo(1);
            assertThat(exited.reason()).isEqualTo("Completed");
            assertThat(runtime.containers(Set.of(node, otherNode))).extracting(RuntimeContainer::id)
                    .containsExactlyInAnyOrder(mine.id(), ended.id(), theirs.id());
            assertThat(runtime.containers(Set.of())).isEmpty();
        } finally {
            DockerTestEngine.removeAll(otherNode);
        }
    }

    @Test
    void containersOfAnotherClusterOnTheSameEngineAreNeverListed() throws Exception {
        DockerContainerRuntime otherCluster = new DockerContainerRuntime(docker, UUID.randomUUID().toString());
        RuntimeContainer mine = runtime.start(pod(node, "same-name"), shell("c", "sleep 30"), 0);
        RuntimeContainer theirs = otherCluster.start(pod(node, "same-name"), shell("c", "sleep 30"), 0);

        assertThat(runtime.containers(Set.of(node))).extracting(RuntimeContainer::id).containsExactly(mine.id());
        assertThat(otherCluster.containers(Set.of(node))).extracting(RuntimeContainer::id)
                .containsExactly(theirs.id());
    }

    @Test
    void aContainerThatCannotStartLeavesNothingBehind() {
        assertThatThrownBy(() -> runtime.start(pod(node, "broken"), container("c", List.of("/no/such/program"), null), 0))
                .isInstanceOf(ContainerStartException.class)
                .hasMessageContaining("/no/such/program");

        assertThat(runtime.containers(Set.of(node))).isEmpty();
    }

    @Test
    void removingTwiceIsFine() throws Exception {
        RuntimeContainer started = runtime.start(pod(node, "short"), shell("c", "exit 0"), 0);
        awaitExit(node, started.id());

        runtime.remove(started.id());
        runtime.remove(started.id());

        assertThat(runtime.containers(Set.of(node))).isEmpty();
    }

    @Test
    void reportsTheEngineVersion() {
        assertThat(runtime.version()).isEqualTo("docker://" + docker.versionCmd().exec().getVersion());
    }

    private String logs(String id) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runtime.logs(id, new LogOptions(null, false), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Container withResources(Container c, Map<String, Quantity> limits, Map<String, Quantity> requests) {
        return new Container(c.name(), c.image(), c.command(), c.args(), c.workingDir(), c.ports(), c.env(),
                new ResourceRequirements(limits, requests), null, null, null, null, null, c.imagePullPolicy());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The page at the port, retried while the server in the container is still starting. */
    private static String httpGet(int port, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.html"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
