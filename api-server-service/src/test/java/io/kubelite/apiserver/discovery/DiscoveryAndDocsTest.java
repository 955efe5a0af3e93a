package io.kubelite.apiserver.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.apiserver.support.ApiResponse;
import io.kubelite.apiserver.support.ApiServerTest;
import io.kubelite.apiserver.support.Manifests;
import io.kubelite.model.ResourceKind;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DiscoveryAndDocsTest extends ApiServerTest {

    private static JsonNode resource(JsonNode list, String name) {
        return StreamSupport.stream(list.path("resources").spliterator(), false)
                .filter(r -> r.path("name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + name + " in " + list));
    }

    @Test
    void theCoreGroupAndItsResourcesAreDiscoverable() {
        JsonNode versions = api.get("/api").json();
        assertThat(versions.path("kind").asString()).isEqualTo("APIVersions");
        assertThat(versions.path("versions").get(0).asString()).isEqualTo("v1");

        JsonNode core = api.get("/api/v1").json();
        assertThat(core.path("kind").asString()).isEqualTo("APIResourceList");
        assertThat(core.path("groupVersion").asString()).isEqualTo("v1");
        JsonNode pods = resource(core, "pods");
        assertThat(pods.path("namespaced").asBoolean()).isTrue();
        assertThat(pods.path("kind").asString()).isEqualTo("Pod");
        assertThat(pods.path("shortNames").get(0).asString()).isEqualTo("po");
        assertThat(pods.path("verbs").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("create", "delete", "get", "list", "patch", "update", "watch");
        assertThat(resource(core, "pods/status").path("verbs").size()).isEqualTo(3);
        assertThat(resource(core, "pods/binding").path("verbs")).extracting(JsonNode::asString).containsExactly("create");
        assertThat(resource(core, "pods/log").path("verbs")).extracting(JsonNode::asString).containsExactly("get");
        assertThat(resource(core, "pods/log").path("kind").asString()).isEqualTo("Pod");
        assertThat(resource(core, "nodes").path("namespaced").asBoolean()).isFalse();
        assertThat(resource(core, "namespaces").path("shortNames").get(0).asString()).isEqualTo("ns");
        resource(core, "events");
    }

    @Test
    void theAppsGroupAndItsResourcesAreDiscoverable() {
        JsonNode groups = api.get("/apis").json();
        assertThat(groups.path("kind").asString()).isEqualTo("APIGroupList");
        assertThat(groups.path("groups").get(0).path("name").asString()).isEqualTo("apps");
        assertThat(groups.path("groups").get(0).path("preferredVersion").path("groupVersion").asString()).isEqualTo("apps/v1");
        assertThat(api.get("/apis/apps").json().path("kind").asString()).isEqualTo("APIGroup");

        JsonNode apps = api.get("/apis/apps/v1").json();
        assertThat(apps.path("groupVersion").asString()).isEqualTo("apps/v1");
        assertThat(resource(apps, "deployments").path("shortNames").get(0).asString()).isEqualTo("deploy");
        JsonNode scale = resource(apps, "deployments/scale");
        assertThat(scale.path("kind").asString()).isEqualTo("Scale");
        assertThat(scale.path("group").asString()).isEqualTo("autoscaling");
        resource(apps, "replicasets/scale");
    }

    @Test
    void versionLooksLikeKubernetesVersionInfo() {
        JsonNode version = api.get("/version").json();
        assertThat(version.path("major").asString()).isEqualTo("1");
        assertThat(version.path("minor").asString()).isNotEmpty();
        assertThat(version.path("gitVersion").asString()).startsWith("v1.").contains("kubelite");
    }

    @Test
    void theOpenApiDocumentDescribesEveryResourcePathWithExamples() {
        ApiResponse response = api.get("/v3/api-docs");
        assertThat(response.code()).isEqualTo(200);
        JsonNode paths = response.json().path("paths");

        JsonNode pod = paths.path("/api/v1/namespaces/{namespace}/pods/{name}");
        assertThat(List.of("get", "put", "patch", "delete")).allSatisfy(verb -> assertThat(pod.has(verb)).as(verb).isTrue());
        assertThat(pod.path("put").path("requestBody").path("content").path("application/json").path("examples")
                .path("Pod").path("value").path("kind").asString()).isEqualTo("Pod");
        assertThat(pod.path("patch").path("requestBody").path("content").has("application/merge-patch+json")).isTrue();
        assertThat(pod.path("patch").path("requestBody").path("content").has("application/json-patch+json")).isTrue();

        for (ResourceKind kind : ResourceKind.values()) {
            String collection = Manifests.collection(kind, "{namespace}");
            assertThat(paths.path(collection).has("get")).as(collection).isTrue();
            assertThat(paths.path(collection).path("post").path("requestBody").path("content").path("application/json")
                    .path("examples").path(kind.kind()).path("value").path("kind").asString()).isEqualTo(kind.kind());
            assertThat(paths.path(collection + "/{name}").has("delete")).isTrue();
        }
        assertThat(paths.path("/api/v1/pods").has("get")).isTrue();
        assertThat(paths.path("/apis/apps/v1/deployments").has("get")).isTrue();
        assertThat(paths.path("/api/v1/namespaces/{namespace}/pods/{name}/status").has("put")).isTrue();
        assertThat(paths.path("/api/v1/namespaces/{namespace}/pods/{name}/binding").path("post").path("requestBody")
                .path("content").path("application/json").path("examples").has("Binding")).isTrue();
        JsonNode log = paths.path("/api/v1/namespaces/{namespace}/pods/{name}/log").path("get");
        assertThat(log.path("responses").path("200").path("content").has("text/plain")).isTrue();
        assertThat(log.path("parameters").valueStream().map(p -> p.path("name").asString()))
                .contains("container", "tailLines", "follow");
        JsonNode scale = paths.path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale");
        assertThat(scale.path("put").path("requestBody").path("content").path("application/json").path("examples")
                .path("Scale").path("value").path("spec").path("replicas").asInt()).isEqualTo(5);
        assertThat(scale.has("patch")).isTrue();
        assertThat(paths.has("/version")).isTrue();
        assertThat(paths.has("/api/v1")).isTrue();
        assertThat(paths.propertyNames()).noneMatch(path -> path.contains("**"));
    }

    @Test
    void swaggerUiIsServed() {
        ApiResponse page = api.get("/swagger-ui/index.html");
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.text()).contains("swagger-ui");
        assertThat(api.get("/v3/api-docs/swagger-config").code()).isEqualTo(200);
    }

    @Test
    void healthProbesAndPrometheusMetricsAreServed() {
        assertThat(api.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness").json().path("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").json().path("status").asString()).isEqualTo("UP");

        api.post(Manifests.collection(ResourceKind.POD), Manifests.pod("metrics-" + System.nanoTime()));
        api.get(Manifests.collection(ResourceKind.POD));
        String metrics = api.get("/actuator/prometheus").text();
        assertThat(metrics).containsPattern(
                "kubelite_apiserver_request_duration_seconds_bucket\\{code=\"201\",resource=\"pods\",subresource=\"\",verb=\"create\",le=\"[^\"]+\"}");
        assertThat(metrics).contains("verb=\"list\"");
    }
}
