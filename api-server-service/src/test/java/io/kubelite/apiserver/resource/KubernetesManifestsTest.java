package io.kubelite.apiserver.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.apiserver.support.ApiResponse;
import io.kubelite.apiserver.support.ApiServerTest;
import io.kubelite.apiserver.support.Manifests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Manifests exactly as the Kubernetes documentation shows them are accepted and read back with defaults. */
class KubernetesManifestsTest extends ApiServerTest {

    @Test
    void theNginxDeploymentFromTheDeploymentDocumentationIsAccepted() {
        String deployments = "/apis/apps/v1/namespaces/default/deployments";
        ApiResponse created = api.post(deployments + "?fieldValidation=Strict", Manifests.resource("nginx-deployment.json"));
        assertThat(created.code()).as(created.toString()).isEqualTo(201);

        JsonNode deployment = api.get(deployments + "/nginx-deployment").json();
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(deployment.path("spec").path("selector").path("matchLabels").path("app").asString()).isEqualTo("nginx");
        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(container.path("image").asString()).isEqualTo("nginx:1.14.2");
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(80);
        assertThat(container.path("ports").get(0).path("protocol").asString()).isEqualTo("TCP");
        assertThat(deployment.path("spec").path("strategy").path("type").asString()).isEqualTo("RollingUpdate");
        assertThat(deployment.path("spec").path("template").path("spec").path("restartPolicy").asString()).isEqualTo("Always");
        assertThat(deployment.path("metadata").path("generation").asLong()).isEqualTo(1);

        JsonNode scale = api.get(deployments + "/nginx-deployment/scale").json();
        assertThat(scale.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(scale.path("status").path("selector").asString()).isEqualTo("app=nginx");
    }

    @Test
    void theFrontendPodWithResourcesFromTheResourceManagementDocumentationIsAccepted() {
        String pods = "/api/v1/namespaces/default/pods";
        ApiResponse created = api.post(pods + "?fieldValidation=Strict", Manifests.resource("frontend-pod.json"));
        assertThat(created.code()).as(created.toString()).isEqualTo(201);

        JsonNode pod = api.get(pods + "/frontend").json();
        assertThat(pod.path("spec").path("restartPolicy").asString()).isEqualTo("Always");
        assertThat(pod.path("spec").path("terminationGracePeriodSeconds").asLong()).isEqualTo(30);
        JsonNode containers = pod.path("spec").path("containers");
        assertThat(containers.size()).isEqualTo(2);
        assertThat(containers.get(0).path("name").asString()).isEqualTo("app");
        assertThat(containers.get(0).path("image").asString()).isEqualTo("images.my-company.example/app:v4");
        assertThat(containers.get(1).path("name").asString()).isEqualTo("log-aggregator");
        assertThat(containers.get(1).path("image").asString()).isEqualTo("images.my-company.example/log-aggregator:v6");
        for (JsonNode container : containers) {
            assertThat(container.path("resources").path("requests").path("memory").asString()).isEqualTo("64Mi");
            assertThat(container.path("resources").path("requests").path("cpu").asString()).isEqualTo("250m");
            assertThat(container.path("resources").path("limits").path("memory").asString()).isEqualTo("128Mi");
            assertThat(container.path("resources").path("limits").path("cpu").asString()).isEqualTo("500m");
            assertThat(container.path("imagePullPolicy").asString()).isEqualTo("IfNotPresent");
        }
    }
}
