package io.kubelite.scheduler.binding;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.core.Pod;
import io.kubelite.scheduler.cache.PendingPod;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.testing.PodBuilder;
import io.kubelite.scheduler.testing.StoreObjects;
import io.kubelite.store.DeleteOptions;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import io.kubelite.store.testing.TestStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class BinderTest {

    @RegisterExtension
    static final TestStore fixture = TestStore.onNewDatabase();
    private static final ObjectStore store = fixture.store;
    private static final ExecutorService writers = Executors.newFixedThreadPool(4);
    private final Binder binder = new Binder(store, writers);

    @AfterAll
    static void stopWriters() {
        writers.shutdown();
    }

    private static PendingPod pending(ObjectNode pod) {
        return new PendingPod(PodInfo.of(Json.MAPPER.treeToValue(pod, Pod.class)), pod, System.nanoTime(), null);
    }

    private static PendingPod created(String name) {
        return pending(StoreObjects.create(store, PodBuilder.pod(name).requests("100m", "128Mi")));
    }

    private static ObjectNode stored(String name) {
        return store.get(ResourceKind.POD, "default", name);
    }

    private static JsonNode podScheduled(ObjectNode pod) {
        for (JsonNode condition : pod.path("status").path("conditions")) {
            if ("PodScheduled".equals(condition.path("type").asString())) {
                return condition;
            }
        }
        return null;
    }

    @Test
    void eachPodIsBoundWithPodScheduledInOneWrite() {
        Map<PendingPod, String> placements = new LinkedHashMap<>();
        for (int i = 0; i < Binder.CHUNK * 2 + 5; i++) {
            placements.put(created("bound-" + i), "node-" + (i % 3));
        }
        long before = store.currentRevision();

        List<BindOutcome> outcomes = binder.bindAll(placements);

        assertThat(store.currentRevision() - before).isEqualTo(placements.size());
        assertThat(outcomes).extracting(BindOutcome::pod).containsExactlyElementsOf(placements.keySet());
        for (BindOutcome outcome : outcomes) {
            assertThat(outcome.result()).isEqualTo(BindOutcome.Result.BOUND);
            assertThat(outcome.latest()).isEqualTo(stored(outcome.pod().info().name()));
            assertThat(outcome.latest().path("spec").path("nodeName").asString()).isEqualTo(outcome.nodeName());
            assertThat(podScheduled(outcome.latest()).path("status").asString()).isEqualTo("True");
        }
    }

    @Test
    void aPodChangedSinceItWasReadIsAConflictWithItsLatestStateAndStaysUnbound() {
        PendingPod pod = created("changed");
        ObjectNode relabeled = pod.object().deepCopy();
        relabeled.withObjectProperty("metadata").withObjectProperty("labels").put("app", "web");
        ObjectNode latest = store.update(ResourceKind.POD, relabeled, WriteOptions.NONE);

        BindOutcome outcome = binder.bindAll(Map.of(pod, "node-a")).get(0);

        assertThat(outcome.result()).isEqualTo(BindOutcome.Result.CONFLICT);
        assertThat(outcome.latest()).isEqualTo(latest);
        assertThat(stored("changed").path("spec").has("nodeName")).isFalse();
    }

    @Test
    void aPodAnotherSchedulerBoundIsAConflictAndKeepsItsNode() {
        PendingPod pod = created("taken");
        new Binder(store, writers).bindAll(Map.of(pod, "node-a"));

        BindOutcome outcome = binder.bindAll(Map.of(pod, "node-b")).get(0);

        assertThat(outcome.result()).isEqualTo(BindOutcome.Result.CONFLICT);
        assertThat(outcome.latest().path("spec").path("nodeName").asString()).isEqualTo("node-a");
        assertThat(stored("taken").path("spec").path("nodeName").asString()).isEqualTo("node-a");
    }

    @Test
    void aDeletedPodIsGoneAndAnInvalidNodeNameFails() {
        PendingPod deleted = created("deleted");
        store.delete(ResourceKind.POD, "default", "deleted", DeleteOptions.NONE);
        PendingPod invalid = created("invalid-node");

        Map<PendingPod, String> placements = new LinkedHashMap<>();
        placements.put(deleted, "node-a");
        placements.put(invalid, "Not_A_Node");
        List<BindOutcome> outcomes = binder.bindAll(placements);

        assertThat(outcomes.get(0).result()).isEqualTo(BindOutcome.Result.GONE);
        assertThat(outcomes.get(1).result()).isEqualTo(BindOutcome.Result.FAILED);
        assertThat(outcomes.get(1).error()).contains("spec.nodeName");
        assertThat(stored("invalid-node").path("spec").has("nodeName")).isFalse();
    }
}
