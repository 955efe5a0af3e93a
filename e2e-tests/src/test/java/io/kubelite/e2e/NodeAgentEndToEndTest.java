package io.kubelite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The node agents with the Docker runtime, through the whole system as a user drives it: the API server, the
 * scheduler, two agents and real containers, all started by {@code deploy/kube-lite up}.
 */
class NodeAgentEndToEndTest {

    private static final String PODS = "/api/v1/namespaces/default/pods";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static KubeLite kubeLite;
    private static Api api;

    @BeforeAll
    static void up() throws Exception {
        kubeLite = KubeLite.up("docker", 2);
        api = kubeLite.api();
    }

    @AfterAll
    static void down() throws Exception {
        if (kubeLite != null) {
            for (JsonNode pod : api.getJson(PODS).path("items")) {
                api.delete(PODS + "/" + pod.path("metadata").path("name").asString() + "?gracePeriodSeconds=1");
            }
            await("every pod deleted", () -> api.getJson(PODS).path("items").isEmpty());
            kubeLite.close();
        }
    }

    @Test
    void aPodRunsAsADockerContainerAndItsLogsAreReadableThroughTheApi() throws Exception {
        create(pod("greeter", "echo hello from $GREETING; sleep 3600"));

        JsonNode pod = awaitRunning("greeter");
        assertThat(pod.path("spec").path("nodeName").asString()).startsWith("node-");
        assertThat(pod.at("/status/containerStatuses/0/containerID").asString()).startsWith("docker://");
        assertThat(pod.at("/status/podIP").asString()).isNotEmpty();
        await("the greeting in the pod's log", () -> api.get(PODS + "/greeter/log").body()
                .contains("hello from kube-lite"));
        HttpResponse<String> tail = api.get(PODS + "/greeter/log?tailLines=1");
        assertThat(tail.statusCode()).isEqualTo(200);
        assertThat(tail.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(tail.body()).isEqualTo("hello from kube-lite\n");
    }

    @Test
    void aDeletedPodHasItsContainerKilledAfterTheGracePeriodAndRemoved() throws Exception {
        create(pod("stubborn", "trap '' TERM; while true; do sleep 1; done").replace("\"spec\":{",
                "\"spec\":{\"terminationGracePeriodSeconds\":2,"));
        String uid = awaitRunning("stubborn").path("metadata").path("uid").asString();
        assertThat(Docker.containersOf(uid)).hasSize(1);

        long deleted = System.nanoTime();
        assertThat(api.delete(PODS + "/stubborn").statusCode()).isEqualTo(200);
        await("the pod gone", () -> api.get(PODS + "/stubborn").statusCode() == 404);
        Duration took = Duration.ofNanos(System.nanoTime() - deleted);

        assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(15));
        assertThat(Docker.containersOf(uid)).isEmpty();
    }

    @Test
    void aNodeAgentKilledAndStartedAgainAdoptsTheContainersItRan() throws Exception {
        create(pod("survivor", "sleep 3600").replace("\"spec\":{", "\"spec\":{\"nodeName\":\"node-1\","));
        JsonNode before = awaitRunning("survivor");
        String containerId = before.at("/status/containerStatuses/0/containerID").asString();

        long agent = kubeLite.pid("node-agent-1");
        ProcessHandle.of(agent).ifPresent(ProcessHandle::destroyForcibly);
        KubeLite.awaitExit(agent);
        kubeLite.run("up");

        await("the restarted agent reporting the pod", () -> {
            JsonNode pod = api.getJson(PODS + "/survivor");
            return "Running".equals(pod.at("/status/phase").asString())
                    && pod.at("/status/containerStatuses/0/ready").asBoolean();
        });
        JsonNode after = api.getJson(PODS + "/survivor");
        assertThat(after.at("/status/containerStatuses/0/containerID").asString()).isEqualTo(containerId);
        assertThat(after.at("/status/containerStatuses/0/restartCount").asInt()).isZero();
        String uid = after.path("metadata").path("uid").asString();
        assertThat(Docker.containersOf(uid)).hasSize(1);
    }

    private static String pod(String name, String script) {
        return """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s"},"spec":{"containers":[{"name":"main",\
                "image":"kubelite/busybox:1","command":["sh","-c","%s"],\
                "env":[{"name":"GREETING","value":"kube-lite"}],\
                "resources":{"requests":{"cpu":"10m","memory":"16Mi"},"limits":{"memory":"32Mi"}}}]}}"""
                .formatted(name, script);
    }

    private static void create(String pod) throws Exception {
        HttpResponse<String> response = api.post(PODS, pod);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static JsonNode awaitRunning(String name) throws Exception {
        await(name + " Running", () -> "Running".equals(api.getJson(PODS + "/" + name).at("/status/phase").asString()));
        return api.getJson(PODS + "/" + name);
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what);
            }
            Thread.sleep(200);
        }
    }
}
