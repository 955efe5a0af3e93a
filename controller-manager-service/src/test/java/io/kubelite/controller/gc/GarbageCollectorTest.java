package io.kubelite.controller.gc;

import static io.kubelite.controller.support.TestObjects.replicaSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubelite.controller.owner.OwnerReferences;
import io.kubelite.controller.support.LeadingControllers;
import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.store.DeleteOptions;
import io.kubelite.store.ListOptions;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.PropagationPolicy;
import io.kubelite.store.Watch;
import io.kubelite.store.WatchEvent;
import io.kubelite.store.WatchOptions;
import io.kubelite.store.WriteOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class GarbageCollectorTest {

    @RegisterExtension
    static final LeadingControllers controllers = new LeadingControllers();
    private static final ObjectStore store = controllers.store();

    /** A ReplicaSet with three running pods, owned (as the Deployment controller would make it) by {@code owner}. */
    private static ObjectNode replicaSetWithPods(String name, ObjectNode owner) {
        ObjectNode spec = replicaSet(name, 3, Map.of("app", name));
        if (owner != null) {
            ((ObjectNode) spec.get("metadata")).putArray("ownerReferences")
                    .add(OwnerReferences.controllerReference(ResourceKind.DEPLOYMENT, owner));
        }
        ObjectNode rs = store.create(ResourceKind.REPLICASET, spec, WriteOptions.NONE);
        await().atMost(Duration.ofSeconds(10)).until(() -> podsOf(rs).size() == 3);
        return rs;
    }

    private static ObjectNode deployment(String name) {
        ObjectNode deployment = Json.MAPPER.createObjectNode();
        deployment.putObject("metadata").put("name", name);
        ObjectNode spec = deployment.putObject("spec");
        spec.put("replicas", 3);
        spec.putObject("selector").putObject("matchLabels").put("app", name);
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app", name);
        ObjectNode container = template.putObject("spec").putArray("containers").addObject();
        container.put("name", "app");
        container.put("image", "busybox:1");
        return store.create(ResourceKind.DEPLOYMENT, deployment, WriteOptions.NONE);
    }

    private static List<ObjectNode> podsOf(JsonNode rs) {
        String app = rs.path("metadata").path("name").asString();
        return store.list(ResourceKind.POD, ListOptions.inNamespace("default")).items().stream()
                .filter(p -> app.equals(p.path("metadata").path("labels").path("app").asString())).toList();
    }

    private static boolean exists(ResourceKind kind, String name) {
        try {
            store.get(kind, "default", name);
            return true;
        } catch (StatusException e) {
            return false;
        }
    }

    @Test
    void deletingADeploymentInTheBackgroundDeletesItsReplicaSetAndTheirPods() {
        ObjectNode deployment = deployment("cascade");
        ObjectNode rs = replicaSetWithPods("cascade", deployment);

        store.delete(ResourceKind.DEPLOYMENT, "default", "cascade", DeleteOptions.NONE);

        assertThat(exists(ResourceKind.DEPLOYMENT, "cascade")).as("the owner goes at once").isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> !exists(ResourceKind.REPLICASET, "cascade"));
        await().atMost(Duration.ofSeconds(10)).until(() -> podsOf(rs).isEmpty());
    }

    @Test
    void orphanDeletionLeavesThePodsWithoutTheOwnerReferenceThenDeletesTheOwner() {
        ObjectNode rs = replicaSetWithPods("orphaner", null);

        ObjectNode marked = store.delete(ResourceKind.REPLICASET, "default", "orphaner",
                DeleteOptions.propagating(PropagationPolicy.ORPHAN));
        assertThat(marked.path("metadata").path("finalizers").toString()).isEqualTo("[\"orphan\"]");

        await().atMost(Duration.ofSeconds(10)).until(() -> !exists(ResourceKind.REPLICASET, "orphaner"));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> podsOf(rs).size() == 3);
        assertThat(podsOf(rs)).allMatch(p -> !p.path("metadata").has("ownerReferences"))
                .allMatch(p -> !p.path("metadata").has("deletionTimestamp"));
    }

    @Test
    void foregroundDeletionDeletesThePodsBeforeTheOwner() {
        ObjectNode rs = replicaSetWithPods("foreground", null);
        List<WatchEvent> deletions = new CopyOnWriteArrayList<>();
        long from = store.currentRevision();
        try (Watch pods = store.watch(ResourceKind.POD, new WatchOptions("default", null, null, from), deletions::add);
             Watch owners = store.watch(ResourceKind.REPLICASET, new WatchOptions("default", null, null, from),
                     deletions::add)) {
            ObjectNode marked = store.delete(ResourceKind.REPLICASET, "default", "foreground",
                    DeleteOptions.propagating(PropagationPolicy.FOREGROUND));
            assertThat(marked.path("metadata").path("deletionTimestamp").asString()).isNotEmpty();

            await().atMost(Duration.ofSeconds(10)).until(() -> !exists(ResourceKind.REPLICASET, "foreground"));
            assertThat(podsOf(rs)).isEmpty();
            await().atMost(Duration.ofSeconds(5)).until(() -> deletions.stream()
                    .anyMatch(e -> e.type().equals(WatchEvent.DELETED) && e.object().path("kind").asString().equals("ReplicaSet")));
            long ownerGone = deletions.stream().filter(e -> e.type().equals(WatchEvent.DELETED)
                    && e.object().path("kind").asString().equals("ReplicaSet")).findFirst().orElseThrow().revision();
            List<Long> podsGone = deletions.stream().filter(e -> e.type().equals(WatchEvent.DELETED)
                    && e.object().path("kind").asString().equals("Pod")).map(WatchEvent::revision).toList();
            assertThat(podsGone).hasSize(3).allMatch(revision -> revision < ownerGone);
        }
    }

    @Test
    void aDependentWithAnotherLiveOwnerOnlyLosesTheReferenceToTheDeletedOne() {
        ObjectNode kept = deployment("kept-owner");
        ObjectNode doomed = deployment("doomed-owner");
        ObjectNode spec = replicaSet("shared", 0, Map.of("app", "shared"));
        ArrayNode refs = ((ObjectNode) spec.get("metadata")).putArray("ownerReferences");
        for (ObjectNode owner : List.of(kept, doomed)) {
            refs.add(OwnerReferences.controllerReference(ResourceKind.DEPLOYMENT, owner).put("controller", false));
        }
        store.create(ResourceKind.REPLICASET, spec, WriteOptions.NONE);

        store.delete(ResourceKind.DEPLOYMENT, "default", "doomed-owner", DeleteOptions.NONE);

        await().atMost(Duration.ofSeconds(10)).until(() -> store.get(ResourceKind.REPLICASET, "default", "shared")
                .path("metadata").path("ownerReferences").size() == 1);
        assertThat(store.get(ResourceKind.REPLICASET, "default", "shared").path("metadata").path("ownerReferences")
                .get(0).path("uid").asString()).isEqualTo(kept.path("metadata").path("uid").asString());
    }
}
