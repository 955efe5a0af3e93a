package io.kubelite.apiserver.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.apiserver.support.ApiClient;
import io.kubelite.apiserver.support.ApiResponse;
import io.kubelite.apiserver.support.ApiServerTest;
import io.kubelite.apiserver.support.Manifests;
import io.kubelite.model.ResourceKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every failure is a Kubernetes Status with the right code and reason; bad input is never a 500. */
class ErrorResponsesTest extends ApiServerTest {

    private static final String PODS = Manifests.collection(ResourceKind.POD);

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertStatus(ApiResponse response, int code, String reason) {
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode status = response.json();
        assertThat(status.path("kind").asString()).isEqualTo("Status");
        assertThat(status.path("apiVersion").asString()).isEqualTo("v1");
        assertThat(status.path("status").asString()).isEqualTo("Failure");
        assertThat(status.path("code").asInt()).isEqualTo(code);
        assertThat(status.path("reason").asString()).isEqualTo(reason);
        assertThat(status.path("message").asString()).isNotEmpty().doesNotContain("Exception");
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertStatus(api.send("POST", PODS, ApiClient.JSON, "{\"metadata\": {"), 400, "BadRequest");
        assertStatus(api.send("POST", PODS, ApiClient.JSON, "[1,2]"), 400, "BadRequest");
        assertStatus(api.send("POST", PODS, ApiClient.JSON, "{} trailing"), 400, "BadRequest");
        assertStatus(api.send("POST", PODS, ApiClient.JSON, ""), 400, "BadRequest");
        assertStatus(api.send("PATCH", PODS + "/x", ApiClient.MERGE_PATCH, "{oops"), 400, "BadRequest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=abc", "limit=-1", "watch=maybe", "timeoutSeconds=soon", "labelSelector=app%20in%20(",
            "fieldSelector=spec.colour%3Dblue", "continue=not-a-token", "resourceVersion=abc&watch=true",
            "allowWatchBookmarks=perhaps"})
    void badQueryValuesAreBadRequests(String query) {
        assertStatus(api.get(PODS + "?" + query), 400, "BadRequest");
    }

    @Test
    void badWriteOptionsAreBadRequests() {
        assertStatus(api.post(PODS + "?dryRun=Some", Manifests.pod(unique("dry"))), 400, "BadRequest");
        assertStatus(api.post(PODS + "?fieldValidation=Loud", Manifests.pod(unique("fv"))), 400, "BadRequest");
        assertStatus(api.send("DELETE", PODS + "/x?gracePeriodSeconds=later", null, null), 400, "BadRequest");
    }

    @Test
    void bodiesThatDoNotMatchThePathAreBadRequests() {
        ObjectNode wrongKind = Manifests.pod(unique("kind"));
        wrongKind.put("kind", "Node");
        assertStatus(api.post(PODS, wrongKind), 400, "BadRequest");

        ObjectNode wrongVersion = Manifests.pod(unique("version"));
        wrongVersion.put("apiVersion", "apps/v1");
        assertStatus(api.post(PODS, wrongVersion), 400, "BadRequest");

        ObjectNode wrongNamespace = Manifests.pod(unique("ns"));
        wrongNamespace.withObject("/metadata").put("namespace", "kube-system");
        assertStatus(api.post(PODS, wrongNamespace), 400, "BadRequest");

        String name = unique("renamed");
        assertThat(api.post(PODS, Manifests.pod(name)).code()).isEqualTo(201);
        ObjectNode renamed = api.get(PODS + "/" + name).object();
        renamed.withObject("/metadata").put("name", "someone-else");
        assertStatus(api.put(PODS + "/" + name, renamed), 400, "BadRequest");
    }

    @Test
    void unknownObjectsAreNotFound() {
        ApiResponse response = api.get(PODS + "/no-such-pod");
        assertStatus(response, 404, "NotFound");
        assertThat(response.json().path("details").path("name").asString()).isEqualTo("no-such-pod");
        assertThat(response.json().path("details").path("kind").asString()).isEqualTo("pods");
        assertStatus(api.delete("/api/v1/nodes/no-such-node"), 404, "NotFound");
        assertStatus(api.mergePatch("/apis/apps/v1/namespaces/default/deployments/none/scale", "{}"), 404, "NotFound");
        assertStatus(api.post(Manifests.collection(ResourceKind.POD, "no-such-namespace"), Manifests.pod("p")), 404, "NotFound");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/widgets", "/api/v2/pods", "/apis/batch/v1/jobs", "/apis/apps/v2/deployments",
            "/api/v1/namespaces/default/pods/a/exec", "/api/v1/namespaces/default/events/e/status", "/api/v1/pods/a",
            "/api/v1/namespaces/default/nodes", "/api/v1/namespaces/default/pods/a/status/extra", "/nothing-here",
            "/apis/nope"})
    void unknownPathsAreNotFound(String path) {
        assertStatus(api.get(path), 404, "NotFound");
    }

    @Test
    void urlsTheServletContainerRejectsAreAnsweredWithAStatusToo() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /api/v1/namespaces/%zz/pods HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("\"kind\":\"Status\"").contains("\"code\":400").doesNotContain("<html");
        }
    }

    @Test
    void headIsAnsweredLikeGet() {
        ApiResponse head = api.send("HEAD", PODS, null, null);
        assertThat(head.code()).isEqualTo(200);
        assertThat(head.text()).isEmpty();
        assertStatus(api.get(PODS + "/absent"), 404, "NotFound");
        assertThat(api.send("HEAD", PODS + "/absent", null, null).code()).isEqualTo(404);
    }

    @Test
    void methodsAPathDoesNotServeAreNotAllowed() {
        assertStatus(api.post(PODS + "/some-pod", Manifests.pod("some-pod")), 405, "MethodNotAllowed");
        assertStatus(api.delete(PODS), 405, "MethodNotAllowed");
        assertStatus(api.put(PODS, Manifests.pod("p")), 405, "MethodNotAllowed");
        assertStatus(api.post("/api/v1/pods", Manifests.pod("p")), 405, "MethodNotAllowed");
        assertStatus(api.send("POST", "/version", ApiClient.JSON, "{}"), 405, "MethodNotAllowed");
    }

    @Test
    void creatingAnExistingNameIsAlreadyExists() {
        String name = unique("twice");
        assertThat(api.post(PODS, Manifests.pod(name)).code()).isEqualTo(201);
        ApiResponse again = api.post(PODS, Manifests.pod(name));
        assertStatus(again, 409, "AlreadyExists");
        assertThat(again.json().path("details").path("name").asString()).isEqualTo(name);
    }

    @Test
    void writingAStaleResourceVersionIsAConflict() {
        String name = unique("stale");
        assertThat(api.post(PODS, Manifests.pod(name)).code()).isEqualTo(201);
        ObjectNode stale = api.get(PODS + "/" + name).object();
        assertThat(api.mergePatch(PODS + "/" + name, "{\"metadata\":{\"labels\":{\"v\":\"2\"}}}").code()).isEqualTo(200);

        stale.withObject("/metadata").putObject("labels").put("v", "stale");
        assertStatus(api.put(PODS + "/" + name, stale), 409, "Conflict");
        String patchWithOldVersion = "{\"metadata\":{\"resourceVersion\":\"" + stale.path("metadata").path("resourceVersion").asString()
                + "\",\"labels\":{\"v\":\"3\"}}}";
        assertStatus(api.mergePatch(PODS + "/" + name, patchWithOldVersion), 409, "Conflict");
    }

    @Test
    void bodiesOverTheLimitAreTooLargeWithOrWithoutContentLength() {
        ObjectNode pod = Manifests.pod(unique("large"));
        pod.withObject("/metadata").putObject("annotations").put("blob", "x".repeat(70 * 1024));
        byte[] body = ApiClient.json(pod).getBytes();

        assertStatus(api.send("POST", PODS, ApiClient.JSON, new String(body)), 413, "RequestEntityTooLarge");

        HttpRequest chunked = HttpRequest.newBuilder(api.uri(PODS))
                .header("Content-Type", ApiClient.JSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        assertStatus(api.send(chunked), 413, "RequestEntityTooLarge");
        assertThat(api.get(PODS + "/" + pod.path("metadata").path("name").asString()).code()).isEqualTo(404);
    }

    @Test
    void unsupportedContentTypesAreRejected() {
        assertStatus(api.send("POST", PODS, "text/plain", ApiClient.json(Manifests.pod("p"))), 415, "UnsupportedMediaType");
        assertStatus(api.send("POST", PODS, "application/x-www-form-urlencoded", "a=b"), 415, "UnsupportedMediaType");
        String name = unique("patchtype");
        assertThat(api.post(PODS, Manifests.pod(name)).code()).isEqualTo(201);
        assertStatus(api.send("PATCH", PODS + "/" + name, ApiClient.JSON, "{}"), 415, "UnsupportedMediaType");
        assertStatus(api.send("PATCH", PODS + "/" + name, "application/apply-patch+yaml", "{}"), 415, "UnsupportedMediaType");
        assertStatus(api.send("PATCH", PODS + "/" + name, null, "{}"), 415, "UnsupportedMediaType");
    }

    @Test
    void invalidObjectsAreUnprocessableWithACauseForEachBadField() {
        ObjectNode pod = Manifests.pod("Not_A_Valid_Name");
        ObjectNode container = (ObjectNode) pod.path("spec").path("containers").get(0);
        container.remove("image");
        container.putArray("ports").addObject().put("containerPort", 70000);
        pod.withObject("/spec").put("restartPolicy", "Sometimes");

        ApiResponse response = api.post(PODS, pod);
        assertStatus(response, 422, "Invalid");
        assertThat(response.json().path("details").path("kind").asString()).isEqualTo("Pod");
        assertThat(response.json().path("details").path("causes").valueStream().map(c -> c.path("field").asString()))
                .contains("metadata.name", "spec.containers[0].image", "spec.containers[0].ports[0].containerPort",
                        "spec.restartPolicy");
    }

    @Test
    void invalidJsonPatchesAreRejectedWithoutChangingTheObject() {
        String name = unique("badpatch");
        assertThat(api.post(PODS, Manifests.pod(name)).code()).isEqualTo(201);
        String path = PODS + "/" + name;
        assertStatus(api.send("PATCH", path, ApiClient.JSON_PATCH, "{\"op\":\"add\"}"), 400, "BadRequest");
        assertStatus(api.send("PATCH", path, ApiClient.JSON_PATCH, "[{\"op\":\"fly\",\"path\":\"/a\"}]"), 400, "BadRequest");
        assertStatus(api.send("PATCH", path, ApiClient.JSON_PATCH,
                "[{\"op\":\"remove\",\"path\":\"/spec/nothing\"}]"), 422, "Invalid");
        assertStatus(api.send("PATCH", path, ApiClient.JSON_PATCH,
                "[{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"other\"}]"), 422, "Invalid");
        assertStatus(api.send("PATCH", path, ApiClient.JSON_PATCH,
                "[{\"op\":\"replace\",\"path\":\"/spec/containers/0/image\",\"value\":\"\"}]"), 422, "Invalid");
    }

    @Test
    void aNegativeScaleIsInvalid() {
        String name = unique("negative");
        api.post(Manifests.collection(ResourceKind.DEPLOYMENT), Manifests.workload(ResourceKind.DEPLOYMENT, name, 1));
        ApiResponse response = api.mergePatch(Manifests.collection(ResourceKind.DEPLOYMENT) + "/" + name + "/scale",
                "{\"spec\":{\"replicas\":-1}}");
        assertStatus(response, 422, "Invalid");
        assertThat(response.json().path("details").path("causes").get(0).path("field").asString()).isEqualTo("spec.replicas");
    }
}
