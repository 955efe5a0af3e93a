package io.kubelite.controller.replicaset;

import static io.kubelite.controller.support.TestObjects.pod;
import static io.kubelite.controller.support.TestObjects.replicaSet;
import static io.kubelite.controller.support.TestObjects.setStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubelite.controller.support.LeadingControllers;
import io.kubelite.controller.support.OwnedPods;
import io.kubelite.model.ResourceKind;
import io.kubelite.store.Binding;
import io.kubelite.store.DeleteOptions;
import io.kubelite.store.ListOptions;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ReplicaSetControllerTest {

    @RegisterExtension
    static final LeadingControllers controllers = new LeadingControllers();
    private static final ObjectStore store = controllers.store();

    private static ObjectNode create(ObjectNode rs) {
        return store.create(ResourceKind.REPLICASET, rs, WriteOptions.NONE);
    }

    private static void scale(String name, int replicas) {
        ObjectNode rs = store.get(ResourceKind.REPLICASET, "default", name).deepCopy();
        ((ObjectNode) rs.get("spec")).put("replicas", replicas);
        ((ObjectNode) rs.get("metadata")).remove("resourceVersion");
        store.update(ResourceKind.REPLICASET, rs, WriteOptions.NONE);
    }

    private static JsonNode status(String name) {
        return store.get(ResourceKind.REPLICASET, "default", name).path("status");
    }

    private static List<String> eventMessages(String name, String reason) {
        return store.list(ResourceKind.EVENT, ListOptions.inNamespace("default")).items().stream()
                .filter(e -> e.path("involvedObject").path("name").asString().equals(name))
                .filter(e -> e.path("reason").asString().equals(reason))
                .map(e -> e.path("message").asString()).toList();
    }

    @Test
    void scalesUpAndDownToExactlyTheReplicasNeverOvershootingAndRecordsEachCreateAndDelete() {
        ObjectNode rs = create(replicaSet("web", 20, Map.of("app", "web")));
        try (OwnedPods pods = new OwnedPods(store, rs)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> pods.count() == 20);
            await().atMost(Duration.ofSeconds(5)).until(() -> status("web").path("replicas").asInt() == 20);

            scale("web", 7);
            await().atMost(Duration.ofSeconds(15)).until(() -> pods.count() == 7);
            scale("web", 12);
            await().atMost(Duration.ofSeconds(15)).until(() -> pods.count() == 12);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> pods.count() == 12);

            String settled = store.get(ResourceKind.REPLICASET, "default", "web").path("metadata").path("resourceVersion").asString();
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> settled.equals(
                    store.get(ResourceKind.REPLICASET, "default", "web").path("metadata").path("resourceVersion").asString()));
            assertThat(pods.most()).as("never more than asked for").isEqualTo(20);
            assertThat(status("web").path("replicas").asInt()).isEqualTo(12);
            assertThat(status("web").path("observedGeneration").asLong())
                    .isEqualTo(store.get(ResourceKind.REPLICASET, "default", "web").path("metadata").path("generation").asLong());
            JsonNode anyPod = pods.active().values().iterator().next();
            assertThat(anyPod.path("metadata").path("name").asString()).startsWith("web-");
            JsonNode owner = anyPod.path("metadata").path("ownerReferences").get(0);
            assertThat(owner.path("apiVersion").asString()).isEqualTo("apps/v1");
            assertThat(owner.path("kind").asString()).isEqualTo("ReplicaSet");
            assertThat(owner.path("blockOwnerDeletion").asBoolean()).isTrue();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(eventMessages("web", "SuccessfulCreate")).hasSize(25).allMatch(m -> m.startsWith("Created pod: web-"));
                assertThat(eventMessages("web", "SuccessfulDelete")).hasSize(13).allMatch(m -> m.startsWith("Deleted pod: web-"));
            });
        }
    }

    @Test
    void adoptsMatchingOrphansAndReleasesPodsThatStopMatching() {
        store.create(ResourceKind.POD, pod("stray-1", Map.of("app", "adopt")), WriteOptions.NONE);
        store.create(ResourceKind.POD, pod("stray-2", Map.of("app", "adopt")), WriteOptions.NONE);
        ObjectNode rs = create(replicaSet("adopter", 3, Map.of("app", "adopt")));

        await().atMost(Duration.ofSeconds(10)).until(() -> store.list(ResourceKind.POD, ListOptions.inNamespace("default"))
                .items().stream().filter(p -> ownedBy(p, rs)).count() == 3);
        assertThat(ownedBy(store.get(ResourceKind.POD, "default", "stray-1"), rs)).isTrue();
        assertThat(ownedBy(store.get(ResourceKind.POD, "default", "stray-2"), rs)).isTrue();

        ObjectNode relabeled = store.get(ResourceKind.POD, "default", "stray-1").deepCopy();
        ((ObjectNode) relabeled.path("metadata").path("labels")).put("app", "elsewhere");
        store.update(ResourceKind.POD, relabeled, WriteOptions.NONE);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                !store.get(ResourceKind.POD, "default", "stray-1").path("metadata").has("ownerReferences"));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.list(ResourceKind.POD, ListOptions.inNamespace("default"))
                .items().stream().filter(p -> ownedBy(p, rs)).count() == 3);
    }

    @Test
    void scalingDownDeletesTheLeastValuablePodsFirst() {
        Map<String, String> labels = Map.of("app", "rank");
        Instant longAgo = Instant.now().minusSeconds(600);
        store.create(ResourceKind.POD, pod("unassigned", labels), WriteOptions.NONE);
        for (String name : List.of("pending", "running-unready", "ready-recently", "ready-long")) {
            store.create(ResourceKind.POD, pod(name, labels), WriteOptions.NONE);
            store.bind(new Binding("default", name, null, null, "node-1"));
        }
        setStatus(store, store.get(ResourceKind.POD, "default", "pending"), "Pending", false, longAgo);
        setStatus(store, store.get(ResourceKind.POD, "default", "running-unready"), "Running", false, longAgo);
        setStatus(store, store.get(ResourceKind.POD, "default", "ready-recently"), "Running", true, Instant.now());
        setStatus(store, store.get(ResourceKind.POD, "default", "ready-long"), "Running", true, longAgo);
        ObjectNode rs = create(replicaSet("ranked", 5, labels));
        await().atMost(Duration.ofSeconds(10)).until(() -> status("ranked").path("readyReplicas").asInt() == 2
                && status("ranked").path("replicas").asInt() == 5);

        List<String> order = List.of("unassigned", "pending", "running-unready", "ready-recently");
        for (int i = 0; i < order.size(); i++) {
            scale("ranked", 4 - i);
            String victim = order.get(i);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    eventMessages("ranked", "SuccessfulDelete").contains("Deleted pod: " + victim));
            assertThat(eventMessages("ranked", "SuccessfulDelete")).hasSize(i + 1);
        }
        assertThat(store.get(ResourceKind.POD, "default", "ready-long").path("metadata").has("deletionTimestamp")).isFalse();
        assertThat(ownedBy(store.get(ResourceKind.POD, "default", "ready-long"), rs)).isTrue();
    }

    @Test
    void statusCountsFullyLabeledReadyAndAvailableAfterMinReadySeconds() {
        ObjectNode spec = replicaSet("counted", 3, Map.of("app", "counted"));
        ((ObjectNode) spec.get("spec")).put("minReadySeconds", 2);
        ((ObjectNode) spec.path("spec").path("template").path("metadata").path("labels")).put("extra", "x");
        store.create(ResourceKind.POD, pod("counted-partial", Map.of("app", "counted")), WriteOptions.NONE);
        ObjectNode rs = create(spec);
        try (OwnedPods pods = new OwnedPods(store, rs)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> status("counted").path("replicas").asInt() == 3);
            List<ObjectNode> some = store.list(ResourceKind.POD, ListOptions.inNamespace("default")).items().stream()
                    .filter(p -> ownedBy(p, rs)).limit(2).toList();
            for (ObjectNode pod : some) {
                setStatus(store, pod, "Running", true, Instant.now());
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> status("counted").path("readyReplicas").asInt() == 2);
            JsonNode justReady = status("counted");
            assertThat(justReady.path("fullyLabeledReplicas").asInt()).as("the adopted pod lacks label extra").isEqualTo(2);
            assertThat(justReady.path("availableReplicas").asInt()).isZero();

            await().atMost(Duration.ofSeconds(6)).until(() -> status("counted").path("availableReplicas").asInt() == 2);
            assertThat(pods.most()).isEqualTo(3);
        }
    }

    @Test
    void podsBeingDeletedOrFinishedAreNotCountedAndAreReplaced() {
        ObjectNode rs = create(replicaSet("replacer", 2, Map.of("app", "replacer")));
        try (OwnedPods pods = new OwnedPods(store, rs)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> pods.count() == 2);
            List<String> names = List.copyOf(pods.active().keySet());
            store.bind(new Binding("default", names.get(0), null, null, "node-1"));
            ObjectNode marked = store.delete(ResourceKind.POD, "default", names.get(0), DeleteOptions.NONE);
            assertThat(marked.path("metadata").has("deletionTimestamp")).as("a bound pod waits for its agent").isTrue();
            setStatus(store, store.get(ResourceKind.POD, "default", names.get(1)), "Failed", false, Instant.now());

            await().atMost(Duration.ofSeconds(10)).until(() -> pods.count() == 2
                    && !pods.active().containsKey(names.get(0)) && !pods.active().containsKey(names.get(1)));
            await().atMost(Duration.ofSeconds(5)).until(() -> status("replacer").path("replicas").asInt() == 2);
            assertThat(store.get(ResourceKind.POD, "default", names.get(0)).path("metadata").has("deletionTimestamp")).isTrue();
            assertThat(pods.most()).isEqualTo(2);
        }
    }

    private static boolean ownedBy(JsonNode pod, JsonNode rs) {
        for (JsonNode ref : pod.path("metadata").path("ownerReferences")) {
            if (ref.path("uid").asString().equals(rs.path("metadata").path("uid").asString())
                    && ref.path("controller").asBoolean()) {
                return true;
            }
        }
        return false;
    }
}
