package io.kubelite.apiserver.logs;

import static io.kubelite.apiserver.logs.AgentServer.chunk;
import static io.kubelite.apiserver.logs.AgentServer.send;
import static io.kubelite.apiserver.logs.AgentServer.startStream;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.apiserver.support.ApiResponse;
import io.kubelite.apiserver.support.ApiServerTest;
import io.kubelite.apiserver.support.Manifests;
import io.kubelite.model.ResourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class PodLogsTest extends ApiServerTest {

    private static final String TEXT = "text/plain";
    private static AgentServer agent;

    @BeforeAll
    static void startAgent() throws IOException {
        agent = new AgentServer();
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A node whose status says where its agent listens; null leaves the address or the port out. */
    private String node(String address, Integer port) {
        String name = unique("log-node");
        ObjectNode node = Manifests.node(name);
        ObjectNode status = (ObjectNode) node.get("status");
        if (address != null) {
            ObjectNode internal = status.putArray("addresses").addObject();
            internal.put("type", "InternalIP");
            internal.put("address", address);
        }
        if (port != null) {
            status.putObject("daemonEndpoints").putObject("kubeletEndpoint").put("Port", port);
        }
        ApiResponse created = api.post(Manifests.collection(ResourceKind.NODE), node);
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        return name;
    }

    private String agentNode() {
        return node("127.0.0.1", agent.port());
    }

    /** A pod with these containers, bound to the node unless it is null. */
    private String pod(String nodeName, String... containers) {
        String name = unique("log-pod");
        ObjectNode pod = Manifests.pod(name);
        ArrayNode list = ((ObjectNode) pod.get("spec")).putArray("containers");
        for (String container : containers) {
            ObjectNode c = list.addObject();
            c.put("name", container);
            c.put("image", "busybox");
        }
        ApiResponse created = api.post(Manifests.collection(ResourceKind.POD), pod);
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        if (nodeName != null) {
            ApiResponse bound = api.post(podPath(name) + "/binding",
                    "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"target\":{\"name\":\"" + nodeName + "\"}}");
            assertThat(bound.code()).as(bound.toString()).isEqualTo(201);
        }
        return name;
    }

    private static String podPath(String name) {
        return Manifests.collection(ResourceKind.POD) + "/" + name;
    }

    private ApiResponse logs(String pod, String query) {
        return api.get(podPath(pod) + "/log" + (query.isEmpty() ? "" : "?" + query));
    }

    private static void assertStatus(ApiResponse response, int code, String reason, String message) {
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().path("kind").asString()).isEqualTo("Status");
        assertThat(response.reason()).isEqualTo(reason);
        assertThat(response.json().path("message").asString()).contains(message);
    }

    @Test
    void theOutputOfThePodsOnlyContainerComesFromItsNodesAgentAsText() {
        String pod = pod(agentNode(), "web");
        agent.answer(exchange -> send(exchange, 200, TEXT, "hello\nworld\n"));

        ApiResponse answer = logs(pod, "");

        assertThat(answer.code()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith(TEXT);
        assertThat(answer.text()).isEqualTo("hello\nworld\n");
        assertThat(agent.lastRequest()).isEqualTo("/containerLogs/default/" + pod + "/web");
    }

    @Test
    void theContainerAndTailLinesArePassedToTheAgent() {
        String pod = pod(agentNode(), "app", "sidecar");
        agent.answer(exchange -> send(exchange, 200, TEXT, "last line\n"));

        ApiResponse answer = logs(pod, "container=sidecar&tailLines=1");

        assertThat(answer.code()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo("last line\n");
        assertThat(agent.lastRequest()).isEqualTo("/containerLogs/default/" + pod + "/sidecar?tailLines=1");
    }

    @Test
    void aTailLongerThanAnyLogAsksTheAgentForAllItHas() {
        String pod = pod(agentNode(), "web");
        agent.answer(exchange -> send(exchange, 200, TEXT, "all\n"));

        assertThat(logs(pod, "tailLines=99999999999").code()).isEqualTo(200);
        assertThat(agent.lastRequest()).isEqualTo("/containerLogs/default/" + pod + "/web?tailLines=" + Integer.MAX_VALUE);
    }

    @Test
    void aFollowedLogStreamsEachChunkAsTheAgentWritesIt() throws Exception {
        String pod = pod(agentNode(), "web");
        CountDownLatch firstChunkRead = new CountDownLatch(1);
        agent.answer(exchange -> {
            OutputStream out = startStream(exchange);
            chunk(out, "first\n");
            try {
                chunk(out, firstChunkRead.await(10, TimeUnit.SECONDS) ? "second\n" : "the first chunk was not read\n");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        HttpClient client = HttpClient.newHttpClient();

        HttpResponse<InputStream> answer = client.send(HttpRequest.newBuilder(api.uri(podPath(pod) + "/log?follow=true"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith(TEXT);
        try (InputStream body = answer.body()) {
            assertThat(new String(body.readNBytes("first\n".length()), StandardCharsets.UTF_8)).isEqualTo("first\n");
            firstChunkRead.countDown();
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second\n");
        }
        assertThat(agent.lastRequest()).isEqualTo("/containerLogs/default/" + pod + "/web?follow=true");
    }

    @Test
    void aClientThatGoesAwayEndsTheRequestToTheAgent() throws Exception {
        String pod = pod(agentNode(), "web");
        CompletableFuture<Long> agentWritesFailedAfterMillis = new CompletableFuture<>();
        agent.answer(exchange -> {
            OutputStream out = startStream(exchange);
            long start = System.nanoTime();
            try {
                chunk(out, "first\n");
                for (int i = 0; i < 200; i++) {
                    Thread.sleep(50);
                    chunk(out, "tick " + i + "\n");
                }
            } catch (IOException e) {
                agentWritesFailedAfterMillis.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        try (Socket client = new Socket("localhost", port)) {
            client.getOutputStream().write(("GET " + podPath(pod) + "/log?follow=true HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            StringBuilder seen = new StringBuilder();
            while (!seen.toString().contains("first")) {
                int b = in.read();
                assertThat(b).as("the stream ended before the first chunk: " + seen).isNotNegative();
                seen.append((char) b);
            }
            assertThat(seen.toString()).startsWith("HTTP/1.1 200");
        }

        assertThat(agentWritesFailedAfterMillis.get(5, TimeUnit.SECONDS)).isLessThan(5_000);
    }

    @Test
    void theAgentsNotFoundIsPassedOnAsAStatus() {
        String pod = pod(agentNode(), "web");
        agent.answer(exchange -> send(exchange, 404, "application/json", """
                {"apiVersion":"v1","kind":"Status","status":"Failure","reason":"NotFound","code":404,
                 "message":"container web of pod default/%s is not running on this node"}""".formatted(pod)));

        assertStatus(logs(pod, ""), 404, "NotFound", "container web of pod default/" + pod + " is not running");
    }

    @Test
    void anAgentThatFailsMakesTheLogUnavailable() {
        String pod = pod(agentNode(), "web");
        agent.answer(exchange -> send(exchange, 500, TEXT, "runtime error"));

        ApiResponse answer = logs(pod, "");

        assertStatus(answer, 503, "ServiceUnavailable", "failed (500): runtime error");
        assertThat(answer.json().path("message").asString()).contains("127.0.0.1:" + agent.port());
    }

    @Test
    void anAgentThatCannotBeReachedIsServiceUnavailableNamingTheNodeAndAddress() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String node = node("127.0.0.1", closedPort);
        String pod = pod(node, "web");

        ApiResponse answer = logs(pod, "");

        assertStatus(answer, 503, "ServiceUnavailable", "node \"" + node + "\" at http://127.0.0.1:" + closedPort);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aNodeThatDoesNotSayWhereItsAgentListensIsServiceUnavailable() {
        String withoutAddress = node(null, agent.port());
        String withoutPort = node("127.0.0.1", null);

        assertStatus(logs(pod(withoutAddress, "web"), ""), 503, "ServiceUnavailable",
                "node \"" + withoutAddress + "\"");
        assertStatus(logs(pod(withoutAddress, "web"), ""), 503, "ServiceUnavailable", "no InternalIP or Hostname");
        assertStatus(logs(pod(withoutPort, "web"), ""), 503, "ServiceUnavailable", "no agent port");
    }

    @Test
    void theHostnameIsUsedWhenTheNodeHasNoInternalIp() {
        String name = unique("log-node");
        ObjectNode node = Manifests.node(name);
        ObjectNode status = (ObjectNode) node.get("status");
        ObjectNode hostname = status.putArray("addresses").addObject();
        hostname.put("type", "Hostname");
        hostname.put("address", "localhost");
        status.putObject("daemonEndpoints").putObject("kubeletEndpoint").put("Port", agent.port());
        api.post(Manifests.collection(ResourceKind.NODE), node);
        String pod = pod(name, "web");
        agent.answer(exchange -> send(exchange, 200, TEXT, "by name\n"));

        assertThat(logs(pod, "").text()).isEqualTo("by name\n");
    }

    @Test
    void containersMustBeNamedWhenThereAreSeveralAndMustExist() {
        String pod = pod(agentNode(), "a", "b");

        assertStatus(logs(pod, ""), 400, "BadRequest",
                "a container name must be specified for pod " + pod + ", choose one of: [a b]");
        assertStatus(logs(pod, "container=c"), 400, "BadRequest", "container c is not valid for pod " + pod);
    }

    @Test
    void aPodWithoutANodeHasNoLogYet() {
        String pod = pod(null, "web");

        assertStatus(logs(pod, ""), 400, "BadRequest", "pod " + pod + " does not have a host assigned");
    }

    @Test
    void missingPodsAndNodesAreNotFound() {
        assertStatus(logs("no-such-pod", ""), 404, "NotFound", "pods \"no-such-pod\" not found");
        String pod = pod(null, "web");
        api.mergePatch(podPath(pod), "{\"spec\":{\"nodeName\":\"gone-node\"}}");

        assertStatus(logs(pod, ""), 404, "NotFound", "nodes \"gone-node\" not found");
    }

    @Test
    void badOrUnsupportedOptionsAreRefused() {
        String pod = pod(agentNode(), "web");
        agent.answer(exchange -> send(exchange, 200, TEXT, "ok\n"));

        assertStatus(logs(pod, "tailLines=-1"), 400, "BadRequest", "tailLines");
        assertStatus(logs(pod, "tailLines=ten"), 400, "BadRequest", "tailLines");
        assertStatus(logs(pod, "follow=maybe"), 400, "BadRequest", "follow");
        assertStatus(logs(pod, "timestamps=true"), 400, "BadRequest", "timestamps is not supported");
        assertStatus(logs(pod, "previous=true"), 400, "BadRequest", "previous is not supported");
        assertStatus(logs(pod, "sinceSeconds=60"), 400, "BadRequest", "sinceSeconds is not supported");
        assertThat(logs(pod, "timestamps=false&previous=false").code()).isEqualTo(200);
        assertThat(api.post(podPath(pod) + "/log", "{}").code()).isEqualTo(405);
    }

    @Test
    void logRequestsAreTimedUnderTheLogSubresource() {
        String pod = pod(agentNode(), "web");
        agent.answer(exchange -> send(exchange, 200, TEXT, "ok\n"));
        logs(pod, "");

        assertThat(api.get("/actuator/prometheus").text()).containsPattern(
                "kubelite_apiserver_request_duration_seconds_count\\{code=\"200\",resource=\"pods\",subresource=\"log\",verb=\"get\"}");
    }
}
