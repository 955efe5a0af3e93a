package io.kubelite.apiserver.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.apiserver.support.ApiResponse;
import io.kubelite.apiserver.support.ApiServerTest;
import io.kubelite.apiserver.support.Manifests;
import io.kubelite.model.ResourceKind;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ResourceCrudTest extends ApiServerTest {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest
    @EnumSource(ResourceKind.class)
    void everyKindCanBeCreatedReadListedReplacedPatchedAndDeleted(ResourceKind kind) {
        String name = unique(kind.singular());
        String collection = Manifests.collection(kind);
        String object = collection + "/" + name;

        ApiResponse created = api.post(collection, Manifests.of(kind, name));
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("apiVersion").asString()).isEqualTo(kind.apiVersion());
        assertThat(created.json().path("kind").asString()).isEqualTo(kind.kind());
        assertThat(created.json().path("metadata").path("uid").asString()).isNotEmpty();
        assertThat(created.json().path("metadata").path("creationTimestamp").asString()).isNotEmpty();

        ApiResponse read = api.get(object);
        assertThat(read.code()).isEqualTo(200);
        assertThat(read.resourceVersion()).isEqualTo(created.resourceVersion());

        ApiResponse list = api.get(collection);
        assertThat(list.code()).isEqualTo(200);
        assertThat(list.json().path("kind").asString()).isEqualTo(kind.kind() + "List");
        assertThat(list.json().path("apiVersion").asString()).isEqualTo(kind.apiVersion());
        assertThat(list.resourceVersion()).isNotEmpty();
        assertThat(list.json().path("items").valueStream().map(i -> i.path("metadata").path("name").asString()))
                .contains(name);
        assertThat(list.json().path("items").get(0).path("kind").asString()).isEqualTo(kind.kind());

        ObjectNode replacement = read.object();
        replacement.withObject("/metadata").putObject("labels").put("replaced", "yes");
        ApiResponse replaced = api.put(object, replacement);
        assertThat(replaced.code()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().path("metadata").path("labels").path("replaced").asString()).isEqualTo("yes");

        ApiResponse patched = api.mergePatch(object, "{\"metadata\":{\"labels\":{\"patched\":\"yes\"}}}");
        assertThat(patched.code()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("metadata").path("labels").path("replaced").asString()).isEqualTo("yes");
        assertThat(patched.json().path("metadata").path("labels").path("patched").asString()).isEqualTo("yes");

        ApiResponse deleted = api.delete(object);
        assertThat(deleted.code()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.json().path("metadata").path("name").asString()).isEqualTo(name);
        assertThat(api.get(object).code()).isEqualTo(404);
    }

    @Test
    void jsonPatchAddsReplacesAndRemovesFields() {
        String path = createPod(unique("jsonpatch"));
        String patch = """
                [{"op":"add","path":"/metadata/labels/tier","value":"front"},
                 {"op":"replace","path":"/spec/containers/0/image","value":"nginx:1.25"},
                 {"op":"remove","path":"/metadata/labels/app"}]""";
        ApiResponse patched = api.send("PATCH", path, "application/json-patch+json", patch);
        assertThat(patched.code()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("metadata").path("labels").path("tier").asString()).isEqualTo("front");
        assertThat(patched.json().path("metadata").path("labels").has("app")).isFalse();
        assertThat(patched.json().path("spec").path("containers").get(0).path("image").asString()).isEqualTo("nginx:1.25");
    }

    @Test
    void strategicMergePatchIsAppliedAsMergePatch() {
        String path = createPod(unique("smp"));
        ApiResponse patched = api.send("PATCH", path, "application/strategic-merge-patch+json",
                "{\"metadata\":{\"annotations\":{\"note\":\"hi\"}}}");
        assertThat(patched.code()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("metadata").path("annotations").path("note").asString()).isEqualTo("hi");
    }

    @Test
    void mergePatchWithNullRemovesAField() {
        String path = createPod(unique("nullpatch"));
        ApiResponse patched = api.mergePatch(path, "{\"metadata\":{\"labels\":{\"app\":null}}}");
        assertThat(patched.code()).isEqualTo(200);
        assertThat(patched.json().path("metadata").path("labels").has("app")).isFalse();
    }

    @Test
    void generateNameGivesAFreshNameWithThePrefix() {
        ObjectNode pod = Manifests.pod("ignored");
        pod.withObject("/metadata").remove("name");
        pod.withObject("/metadata").put("generateName", "web-");
        ApiResponse first = api.post(Manifests.collection(ResourceKind.POD), pod);
        ApiResponse second = api.post(Manifests.collection(ResourceKind.POD), pod);
        assertThat(first.code()).isEqualTo(201);
        assertThat(second.code()).isEqualTo(201);
        String firstName = first.json().path("metadata").path("name").asString();
        assertThat(firstName).startsWith("web-").hasSizeGreaterThan("web-".length());
        assertThat(second.json().path("metadata").path("name").asString()).isNotEqualTo(firstName);
    }

    @Test
    void statusSubresourceAndSpecWritesDoNotChangeEachOther() {
        String name = unique("status");
        String path = createPod(name);

        ObjectNode withStatus = api.get(path).object();
        withStatus.putObject("status").put("phase", "Running");
        withStatus.withObject("/metadata").putObject("labels").put("from", "status-write");
        ApiResponse statusWrite = api.put(path + "/status", withStatus);
        assertThat(statusWrite.code()).as(statusWrite.toString()).isEqualTo(200);
        assertThat(statusWrite.json().path("status").path("phase").asString()).isEqualTo("Running");
        assertThat(statusWrite.json().path("metadata").path("labels").has("from")).isFalse();

        ObjectNode specWrite = api.get(path).object();
        specWrite.putObject("status").put("phase", "Failed");
        specWrite.withObject("/spec").put("activeDeadlineSeconds", 60);
        ApiResponse replaced = api.put(path, specWrite);
        assertThat(replaced.code()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().path("spec").path("activeDeadlineSeconds").asInt()).isEqualTo(60);
        assertThat(replaced.json().path("status").path("phase").asString()).isEqualTo("Running");

        ApiResponse statusPatch = api.mergePatch(path + "/status", "{\"status\":{\"phase\":\"Succeeded\"},\"spec\":{\"activeDeadlineSeconds\":5}}");
        assertThat(statusPatch.code()).as(statusPatch.toString()).isEqualTo(200);
        assertThat(statusPatch.json().path("status").path("phase").asString()).isEqualTo("Succeeded");
        assertThat(statusPatch.json().path("spec").path("activeDeadlineSeconds").asInt()).isEqualTo(60);

        ApiResponse statusRead = api.get(path + "/status");
        assertThat(statusRead.code()).isEqualTo(200);
        assertThat(statusRead.json().path("status").path("phase").asString()).isEqualTo("Succeeded");
    }

    @Test
    void generationGrowsOnSpecChangesOnly() {
        String name = unique("gen");
        String path = Manifests.collection(ResourceKind.DEPLOYMENT) + "/" + name;
        assertThat(api.post(Manifests.collection(ResourceKind.DEPLOYMENT), Manifests.workload(ResourceKind.DEPLOYMENT, name, 1)).code())
                .isEqualTo(201);
        assertThat(api.get(path).json().path("metadata").path("generation").asLong()).isEqualTo(1);

        api.mergePatch(path, "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}");
        assertThat(api.get(path).json().path("metadata").path("generation").asLong()).isEqualTo(1);

        api.mergePatch(path + "/status", "{\"status\":{\"replicas\":1}}");
        assertThat(api.get(path).json().path("metadata").path("generation").asLong()).isEqualTo(1);

        api.mergePatch(path, "{\"spec\":{\"replicas\":4}}");
        assertThat(api.get(path).json().path("metadata").path("generation").asLong()).isEqualTo(2);
    }

    @Test
    void scaleReadsAndWritesTheReplicasOfADeployment() {
        String name = unique("scale");
        String path = Manifests.collection(ResourceKind.DEPLOYMENT) + "/" + name;
        api.post(Manifests.collection(ResourceKind.DEPLOYMENT), Manifests.workload(ResourceKind.DEPLOYMENT, name, 2));
        api.mergePatch(path + "/status", "{\"status\":{\"replicas\":2}}");

        ApiResponse scale = api.get(path + "/scale");
        assertThat(scale.code()).isEqualTo(200);
        JsonNode body = scale.json();
        assertThat(body.path("apiVersion").asString()).isEqualTo("autoscaling/v1");
        assertThat(body.path("kind").asString()).isEqualTo("Scale");
        assertThat(body.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(body.path("status").path("replicas").asInt()).isEqualTo(2);
        assertThat(body.path("status").path("selector").asString()).isEqualTo("app=" + name);

        ObjectNode desired = scale.object();
        desired.withObject("/spec").put("replicas", 5);
        ApiResponse put = api.put(path + "/scale", desired);
        assertThat(put.code()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().path("spec").path("replicas").asInt()).isEqualTo(5);
        assertThat(api.get(path).json().path("spec").path("replicas").asInt()).isEqualTo(5);

        ApiResponse patched = api.mergePatch(path + "/scale", "{\"spec\":{\"replicas\":7}}");
        assertThat(patched.code()).as(patched.toString()).isEqualTo(200);
        assertThat(api.get(path).json().path("spec").path("replicas").asInt()).isEqualTo(7);

        ApiResponse replicaSetScale = api.mergePatch(createReplicaSet(unique("rs")) + "/scale", "{\"spec\":{\"replicas\":0}}");
        assertThat(replicaSetScale.code()).as(replicaSetScale.toString()).isEqualTo(200);
        assertThat(replicaSetScale.json().path("spec").path("replicas").asInt()).isZero();
    }

    @Test
    void scaleWithAStaleResourceVersionConflicts() {
        String name = unique("stalescale");
        String path = Manifests.collection(ResourceKind.DEPLOYMENT) + "/" + name;
        api.post(Manifests.collection(ResourceKind.DEPLOYMENT), Manifests.workload(ResourceKind.DEPLOYMENT, name, 1));
        ObjectNode scale = api.get(path + "/scale").object();
        api.mergePatch(path, "{\"metadata\":{\"labels\":{\"moved\":\"on\"}}}");
        scale.withObject("/spec").put("replicas", 3);
        ApiResponse put = api.put(path + "/scale", scale);
        assertThat(put.code()).isEqualTo(409);
        assertThat(put.reason()).isEqualTo("Conflict");
    }

    @Test
    void dryRunAnswersAsIfWrittenButWritesNothing() {
        String name = unique("dry");
        String collection = Manifests.collection(ResourceKind.POD);
        ApiResponse created = api.post(collection + "?dryRun=All", Manifests.pod(name));
        assertThat(created.code()).isEqualTo(201);
        assertThat(created.json().path("metadata").path("name").asString()).isEqualTo(name);
        assertThat(api.get(collection + "/" + name).code()).isEqualTo(404);

        String path = createPod(name);
        String version = api.get(path).resourceVersion();
        assertThat(api.mergePatch(path + "?dryRun=All", "{\"metadata\":{\"labels\":{\"x\":\"y\"}}}").code()).isEqualTo(200);
        ObjectNode replacement = api.get(path).object();
        replacement.withObject("/metadata").putObject("labels").put("z", "1");
        assertThat(api.put(path + "?dryRun=All", replacement).code()).isEqualTo(200);
        assertThat(api.mergePatch(path + "/status?dryRun=All", "{\"status\":{\"phase\":\"Running\"}}").code()).isEqualTo(200);
        assertThat(api.delete(path + "?dryRun=All").code()).isEqualTo(200);

        ApiResponse after = api.get(path);
        assertThat(after.code()).isEqualTo(200);
        assertThat(after.resourceVersion()).isEqualTo(version);
        assertThat(after.json().path("metadata").path("labels").has("x")).isFalse();
        assertThat(after.json().path("status").path("phase").asString("")).isNotEqualTo("Running");
    }

    @Test
    void strictFieldValidationRejectsUnknownFieldsWhileWarnAndIgnoreAccept() {
        ObjectNode pod = Manifests.pod(unique("strict"));
        pod.withObject("/spec").put("colour", "blue");
        pod.withObject("/spec/containers/0").put("imagePolicy", "x");
        String collection = Manifests.collection(ResourceKind.POD);

        ApiResponse strict = api.post(collection + "?fieldValidation=Strict", pod);
        assertThat(strict.code()).isEqualTo(400);
        assertThat(strict.json().path("message").asString())
                .contains("unknown field \"spec.colour\"")
                .contains("unknown field \"spec.containers[0].imagePolicy\"");

        ApiResponse warn = api.post(collection + "?fieldValidation=Warn", pod);
        assertThat(warn.code()).isEqualTo(201);
        assertThat(warn.headers().allValues("Warning")).anySatisfy(w -> assertThat(w).contains("spec.colour"));

        pod.withObject("/metadata").put("name", unique("ignore"));
        ApiResponse ignore = api.post(collection + "?fieldValidation=Ignore", pod);
        assertThat(ignore.code()).isEqualTo(201);
        assertThat(ignore.headers().allValues("Warning")).isEmpty();

        ApiResponse known = api.post(collection + "?fieldValidation=Strict", Manifests.pod(unique("known")));
        assertThat(known.code()).as(known.toString()).isEqualTo(201);
    }

    @Test
    void strictFieldValidationNamesKubernetesFieldsThatAreNotSupported() {
        ObjectNode pod = Manifests.pod(unique("volumes"));
        pod.withObject("/spec").putArray("volumes").addObject().put("name", "data").putObject("emptyDir");
        pod.withObject("/spec/containers/0").putArray("volumeMounts").addObject().put("name", "data");

        ApiResponse strict = api.post(Manifests.collection(ResourceKind.POD) + "?fieldValidation=Strict", pod);

        assertThat(strict.code()).isEqualTo(400);
        assertThat(strict.json().path("message").asString()).isEqualTo("strict decoding error: "
                + "unknown field \"spec.containers[0].volumeMounts\", unknown field \"spec.volumes\"");
    }

    @Test
    void aValueOfTheWrongTypeIsInvalidNotAnUnknownField() {
        ObjectNode deployment = Manifests.resource("nginx-deployment.json");
        deployment.withObject("/spec").put("replicas", "three");

        ApiResponse response = api.post(Manifests.collection(ResourceKind.DEPLOYMENT) + "?fieldValidation=Strict",
                deployment);

        assertThat(response.code()).as(response.toString()).isEqualTo(422);
    }

    @Test
    void deletingANamespaceDeletesItsPods() {
        String namespace = unique("ns");
        assertThat(api.post("/api/v1/namespaces", Manifests.namespace(namespace)).code()).isEqualTo(201);
        String pods = Manifests.collection(ResourceKind.POD, namespace);
        assertThat(api.post(pods, Manifests.pod("a")).code()).isEqualTo(201);
        assertThat(api.post(pods, Manifests.pod("b")).code()).isEqualTo(201);

        assertThat(api.delete("/api/v1/namespaces/" + namespace).code()).isEqualTo(200);
        assertThat(api.get(pods).json().path("items").size()).isZero();
        assertThat(api.get(pods + "/a").code()).isEqualTo(404);
    }

    @Test
    void deleteOptionsPreconditionsAreChecked() {
        String path = createPod(unique("precondition"));
        ApiResponse stale = api.send("DELETE", path, "application/json",
                "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"preconditions\":{\"uid\":\"not-the-uid\"}}");
        assertThat(stale.code()).isEqualTo(409);
        String uid = api.get(path).json().path("metadata").path("uid").asString();
        ApiResponse deleted = api.send("DELETE", path + "?gracePeriodSeconds=0", "application/json",
                "{\"preconditions\":{\"uid\":\"" + uid + "\"}}");
        assertThat(deleted.code()).as(deleted.toString()).isEqualTo(200);
        assertThat(api.get(path).code()).isEqualTo(404);
    }

    @Test
    void propagationPolicyFromTheQueryOrTheDeleteOptionsBodyMarksTheObjectWithItsFinalizer() {
        String orphaned = createPod(unique("orphan"));
        ApiResponse byQuery = api.delete(orphaned + "?propagationPolicy=Orphan");
        assertThat(byQuery.code()).as(byQuery.toString()).isEqualTo(200);
        assertThat(byQuery.json().path("metadata").path("finalizers").toString()).isEqualTo("[\"orphan\"]");
        assertThat(byQuery.json().path("metadata").path("deletionTimestamp").asString()).isNotEmpty();

        String foreground = createPod(unique("foreground"));
        ApiResponse byBody = api.send("DELETE", foreground, "application/json",
                "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Foreground\"}");
        assertThat(byBody.json().path("metadata").path("finalizers").toString()).isEqualTo("[\"foregroundDeletion\"]");

        String deprecated = createPod(unique("orphan-dependents"));
        ApiResponse byOrphanDependents = api.send("DELETE", deprecated, "application/json", "{\"orphanDependents\":true}");
        assertThat(byOrphanDependents.json().path("metadata").path("finalizers").toString()).isEqualTo("[\"orphan\"]");

        String background = createPod(unique("background"));
        assertThat(api.delete(background + "?propagationPolicy=Background").code()).isEqualTo(200);
        assertThat(api.get(background).code()).isEqualTo(404);
    }

    @Test
    void anUnknownPropagationPolicyIsABadRequestNamingTheAllowedValues() {
        String path = createPod(unique("bad-policy"));
        ApiResponse byQuery = api.delete(path + "?propagationPolicy=Sideways");
        assertThat(byQuery.code()).isEqualTo(400);
        assertThat(byQuery.json().path("message").asString())
                .isEqualTo("Invalid propagationPolicy \"Sideways\"; supported values: Background, Orphan, Foreground");
        ApiResponse both = api.send("DELETE", path, "application/json",
                "{\"propagationPolicy\":\"Orphan\",\"orphanDependents\":false}");
        assertThat(both.code()).isEqualTo(400);
        assertThat(api.get(path).json().path("metadata").has("deletionTimestamp")).isFalse();
    }

    @Test
    void podsAreListedAcrossNamespacesAndByNamespace() {
        String namespace = unique("other");
        api.post("/api/v1/namespaces", Manifests.namespace(namespace));
        String name = unique("everywhere");
        api.post(Manifests.collection(ResourceKind.POD, namespace), Manifests.pod(name));

        ApiResponse all = api.get("/api/v1/pods?fieldSelector=metadata.name=" + name);
        assertThat(all.code()).isEqualTo(200);
        assertThat(all.json().path("items").size()).isEqualTo(1);
        assertThat(all.json().path("items").get(0).path("metadata").path("namespace").asString()).isEqualTo(namespace);
        assertThat(api.get(Manifests.collection(ResourceKind.POD) + "?fieldSelector=metadata.name=" + name)
                .json().path("items").size()).isZero();
    }

    @Test
    void labelAndFieldSelectorsAndPagingWorkThroughHttp() {
        String namespace = unique("paging");
        api.post("/api/v1/namespaces", Manifests.namespace(namespace));
        String pods = Manifests.collection(ResourceKind.POD, namespace);
        for (int i = 0; i < 5; i++) {
            ObjectNode pod = Manifests.pod("pod-" + i);
            pod.withObject("/metadata/labels").put("tier", i % 2 == 0 ? "front" : "back");
            assertThat(api.post(pods, pod).code()).isEqualTo(201);
        }
        api.mergePatch(pods + "/pod-1/status", "{\"status\":{\"phase\":\"Running\"}}");

        assertThat(names(api.get(pods + "?labelSelector=tier%3Dfront"))).containsExactlyInAnyOrder("pod-0", "pod-2", "pod-4");
        assertThat(names(api.get(pods + "?labelSelector=tier%20in%20(back),app=web"))).containsExactlyInAnyOrder("pod-1", "pod-3");
        assertThat(names(api.get(pods + "?fieldSelector=status.phase%3DRunning"))).containsExactly("pod-1");
        assertThat(names(api.get(pods + "?fieldSelector=metadata.name!=pod-0,metadata.name!=pod-1")))
                .containsExactlyInAnyOrder("pod-2", "pod-3", "pod-4");

        ApiResponse first = api.get(pods + "?limit=2");
        assertThat(names(first)).hasSize(2);
        String token = first.json().path("metadata").path("continue").asString();
        assertThat(token).isNotEmpty();
        assertThat(first.json().path("metadata").path("remainingItemCount").asLong()).isEqualTo(3);
        ApiResponse second = api.get(pods + "?limit=2&continue=" + token);
        ApiResponse third = api.get(pods + "?limit=2&continue=" + second.json().path("metadata").path("continue").asString());
        assertThat(names(third)).hasSize(1);
        assertThat(third.json().path("metadata").has("continue")).isFalse();
        assertThat(java.util.stream.Stream.of(first, second, third).flatMap(r -> names(r).stream()))
                .containsExactlyInAnyOrder("pod-0", "pod-1", "pod-2", "pod-3", "pod-4");
    }

    @Test
    void theDefaultNamespaceExistsFromTheStart() {
        assertThat(api.get("/api/v1/namespaces/default").code()).isEqualTo(200);
    }

    private static java.util.List<String> names(ApiResponse list) {
        assertThat(list.code()).as(list.toString()).isEqualTo(200);
        return list.json().path("items").valueStream().map(i -> i.path("metadata").path("name").asString()).toList();
    }

    private String createPod(String name) {
        ApiResponse created = api.post(Manifests.collection(ResourceKind.POD), Manifests.pod(name));
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        return Manifests.collection(ResourceKind.POD) + "/" + name;
    }

    private String createReplicaSet(String name) {
        ApiResponse created = api.post(Manifests.collection(ResourceKind.REPLICASET),
                Manifests.workload(ResourceKind.REPLICASET, name, 1));
        assertThat(created.code()).as(created.toString()).isEqualTo(201);
        return Manifests.collection(ResourceKind.REPLICASET) + "/" + name;
    }
}
