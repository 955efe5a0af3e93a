package io.kubelite.apiserver.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.apiserver.support.ApiResponse;
import io.kubelite.apiserver.support.ApiServerTest;
import io.kubelite.apiserver.support.Manifests;
import io.kubelite.model.ResourceKind;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PodBindingTest extends ApiServerTest {

    private static String binding(String pod, String node) {
        return """
                {"apiVersion":"v1","kind":"Binding","metadata":{"name":"%s"},
                 "target":{"apiVersion":"v1","kind":"Node","name":"%s"}}""".formatted(pod, node);
    }

    private String createPod() {
        String name = "bound-" + UUID.randomUUID().toString().substring(0, 8);
        ApiResponse created = api.post(Manifests.collection(ResourceKind.POD), Manifests.pod(name));
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        return name;
    }

    private static String podPath(String name) {
        return Manifests.collection(ResourceKind.POD) + "/" + name;
    }

    @Test
    void postingABindingAssignsThePodAndMarksItScheduled() {
        String pod = createPod();

        ApiResponse answer = api.post(podPath(pod) + "/binding", binding(pod, "node-1"));

        assertThat(answer.code()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().path("kind").asString()).isEqualTo("Status");
        assertThat(answer.json().path("status").asString()).isEqualTo("Success");
        assertThat(answer.json().path("code").asInt()).isEqualTo(201);
        JsonNode bound = api.get(podPath(pod)).json();
        assertThat(bound.path("spec").path("nodeName").asString()).isEqualTo("node-1");
        JsonNode condition = bound.path("status").path("conditions").get(0);
        assertThat(condition.path("type").asString()).isEqualTo("PodScheduled");
        assertThat(condition.path("status").asString()).isEqualTo("True");
    }

    @Test
    void bindingABoundPodAgainIsAConflict() {
        String pod = createPod();
        api.post(podPath(pod) + "/binding", binding(pod, "node-1"));

        ApiResponse again = api.post(podPath(pod) + "/binding", binding(pod, "node-2"));

        assertThat(again.code()).isEqualTo(409);
        assertThat(again.reason()).isEqualTo("Conflict");
        assertThat(again.json().path("message").asString())
                .endsWith("pod " + pod + " is already assigned to node \"node-1\"");
        assertThat(api.get(podPath(pod)).json().path("spec").path("nodeName").asString()).isEqualTo("node-1");
    }

    @Test
    void aStaleResourceVersionInTheBindingIsAConflict() {
        String pod = createPod();
        api.mergePatch(podPath(pod), "{\"metadata\":{\"labels\":{\"changed\":\"yes\"}}}");

        ApiResponse stale = api.post(podPath(pod) + "/binding", """
                {"apiVersion":"v1","kind":"Binding","metadata":{"name":"%s","resourceVersion":"1"},
                 "target":{"kind":"Node","name":"node-1"}}""".formatted(pod));

        assertThat(stale.code()).isEqualTo(409);
        assertThat(api.get(podPath(pod)).json().path("spec").has("nodeName")).isFalse();
    }

    @Test
    void aDryRunBindingAnswersSuccessAndLeavesThePodUnbound() {
        String pod = createPod();
        String before = api.get(podPath(pod)).text();

        ApiResponse answer = api.post(podPath(pod) + "/binding?dryRun=All", binding(pod, "node-1"));

        assertThat(answer.code()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().path("status").asString()).isEqualTo("Success");
        assertThat(api.get(podPath(pod)).text()).isEqualTo(before);
    }

    @Test
    void aDryRunBindingMakesEveryCheckOfARealOne() {
        String pod = createPod();
        String stale = """
                {"apiVersion":"v1","kind":"Binding","metadata":{"name":"%s","resourceVersion":"1"},
                 "target":{"kind":"Node","name":"node-1"}}""".formatted(pod);
        String otherUid = """
                {"apiVersion":"v1","kind":"Binding","metadata":{"name":"%s","uid":"not-its-uid"},
                 "target":{"kind":"Node","name":"node-1"}}""".formatted(pod);

        assertThat(api.post(podPath(pod) + "/binding?dryRun=All", stale).code()).isEqualTo(409);
        assertThat(api.post(podPath(pod) + "/binding?dryRun=All", otherUid).code()).isEqualTo(409);
        assertThat(api.post(podPath(pod) + "/binding?dryRun=All", binding(pod, "Not_A_Node")).code()).isEqualTo(422);
        assertThat(api.post(podPath("missing") + "/binding?dryRun=All", binding("missing", "node-1")).code())
                .isEqualTo(404);
        assertThat(api.post(podPath(pod) + "/binding?dryRun=Bogus", binding(pod, "node-1")).code()).isEqualTo(400);
        assertThat(api.get(podPath(pod)).json().path("spec").has("nodeName")).isFalse();

        api.post(podPath(pod) + "/binding", binding(pod, "node-1"));
        ApiResponse bound = api.post(podPath(pod) + "/binding?dryRun=All", binding(pod, "node-2"));

        assertThat(bound.code()).isEqualTo(409);
        assertThat(bound.json().path("message").asString()).endsWith("already assigned to node \"node-1\"");
        assertThat(api.get(podPath(pod)).json().path("spec").path("nodeName").asString()).isEqualTo("node-1");
    }

    @Test
    void aDryRunBindingOfAPodBeingDeletedIsAConflict() {
        String pod = createPod();
        api.mergePatch(podPath(pod), "{\"metadata\":{\"finalizers\":[\"example.com/keep\"]}}");
        api.delete(podPath(pod));

        ApiResponse answer = api.post(podPath(pod) + "/binding?dryRun=All", binding(pod, "node-1"));

        assertThat(answer.code()).isEqualTo(409);
        assertThat(answer.json().path("message").asString()).endsWith("is being deleted, cannot be assigned to a host");
        api.mergePatch(podPath(pod), "{\"metadata\":{\"finalizers\":null}}");
    }

    @Test
    void badBindingsAreRefusedWithAStatus() {
        String pod = createPod();

        assertThat(api.post(podPath(pod) + "/binding", binding("other", "node-1")).code()).isEqualTo(400);
        assertThat(api.post(podPath(pod) + "/binding", """
                {"apiVersion":"v1","kind":"Binding","target":{"kind":"Pod","name":"node-1"}}""").code())
                .isEqualTo(422);
        assertThat(api.post(podPath(pod) + "/binding", binding(pod, "")).code()).isEqualTo(422);
        assertThat(api.post(podPath("missing") + "/binding", binding("missing", "node-1")).code()).isEqualTo(404);
        assertThat(api.get(podPath(pod) + "/binding").code()).isEqualTo(405);
        assertThat(api.post(Manifests.collection(ResourceKind.DEPLOYMENT) + "/web/binding", binding("web", "n"))
                .code()).isEqualTo(404);
        assertThat(api.get(podPath(pod)).json().path("spec").has("nodeName")).isFalse();
    }
}
