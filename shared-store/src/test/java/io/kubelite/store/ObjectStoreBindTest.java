package io.kubelite.store;

import static io.kubelite.store.TestObjects.meta;
import static io.kubelite.store.TestObjects.pod;
import static io.kubelite.store.TestObjects.revision;
import static io.kubelite.store.TestObjects.rv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.model.selector.FieldSelector;
import io.kubelite.store.testing.TestStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ObjectStoreBindTest {

    @RegisterExtension
    static final TestStore fixture = TestStore.onNewDatabase();
    private static final ObjectStore store = fixture.store;

    private static ObjectNode created(String name) {
        return store.create(ResourceKind.POD, pod(null, name), WriteOptions.NONE);
    }

    private static Binding binding(ObjectNode pod, String nodeName) {
        return new Binding(meta(pod, "namespace"), meta(pod, "name"), meta(pod, "uid"), rv(pod), nodeName);
    }

    private static JsonNode podScheduled(ObjectNode pod) {
        for (JsonNode condition : pod.path("status").path("conditions")) {
            if ("PodScheduled".equals(condition.path("type").asString())) {
                return condition;
            }
        }
        return null;
    }

    private static StatusException bindFailure(Binding binding) {
        try {
            store.bind(binding);
        } catch (StatusException e) {
            return e;
        }
        throw new AssertionError("expected a StatusException");
    }

    @Test
    void bindSetsTheNodeAndPodScheduledInOneWriteKeepingGeneration() throws InterruptedException {
        ObjectNode pod = created("bind-one");
        long before = store.currentRevision();
        List<WatchEvent> events = new CopyOnWriteArrayList<>();

        ObjectNode bound;
        try (Watch watch = store.watch(ResourceKind.POD, new WatchOptions(null, null, null, before),
                new WatchListener() {
                    @Override
                    public void onEvent(WatchEvent event) {
                        events.add(event);
                    }
                })) {
            bound = store.bind(binding(pod, "node-one"));
            Eventually.until(() -> events.size() == 1);
        }

        assertThat(bound.path("spec").path("nodeName").asString()).isEqualTo("node-one");
        assertThat(podScheduled(bound).path("status").asString()).isEqualTo("True");
        assertThat(Instant.parse(podScheduled(bound).path("lastTransitionTime").asString()))
                .isBeforeOrEqualTo(Instant.now());
        assertThat(bound.path("metadata").path("generation").asLong()).isEqualTo(1);
        assertThat(revision(bound)).isEqualTo(before + 1).isEqualTo(store.currentRevision());
        assertThat(store.get(ResourceKind.POD, "default", "bind-one")).isEqualTo(bound);
        assertThat(events.get(0).type()).isEqualTo(WatchEvent.MODIFIED);
        assertThat(events.get(0).object()).isEqualTo(bound);
        assertThat(store.list(ResourceKind.POD, new ListOptions("default", null,
                        FieldSelector.parse("spec.nodeName=node-one"), 0, null))
                .items()).extracting(p -> meta(p, "name")).containsExactly("bind-one");
    }

    @Test
    void bindReplacesAnUnschedulableCondition() {
        ObjectNode pod = created("bind-was-unschedulable");
        ObjectNode unschedulable = pod.deepCopy();
        ObjectNode condition = unschedulable.putObject("status").putArray("conditions").addObject();
        condition.put("type", "PodScheduled").put("status", "False").put("reason", "Unschedulable")
                .put("message", "0/1 nodes are available: 1 Insufficient cpu.")
                .put("lastTransitionTime", "2020-01-01T00:00:00Z");
        unschedulable.withObjectProperty("status").put("phase", "Pending");
        ObjectNode waiting = store.updateStatus(ResourceKind.POD, unschedulable, WriteOptions.NONE);

        ObjectNode bound = store.bind(binding(waiting, "node-a"));

        JsonNode conditions = bound.path("status").path("conditions");
        assertThat(conditions).hasSize(1);
        assertThat(podScheduled(bound).path("status").asString()).isEqualTo("True");
        assertThat(podScheduled(bound).has("reason")).isFalse();
        assertThat(podScheduled(bound).path("lastTransitionTime").asString()).isNotEqualTo("2020-01-01T00:00:00Z");
        assertThat(bound.path("status").path("phase").asString()).isEqualTo("Pending");
    }

    @Test
    void aPodAlreadyOnANodeIsAConflictAndKeepsItsNode() {
        ObjectNode pod = created("bind-twice");
        store.bind(binding(pod, "node-a"));

        StatusException e = bindFailure(new Binding("default", "bind-twice", null, null, "node-b"));

        assertThat(e.code()).isEqualTo(409);
        assertThat(e.getMessage()).isEqualTo(
                "Operation cannot be fulfilled on pods \"bind-twice\": pod bind-twice is already assigned to node \"node-a\"");
        assertThat(store.get(ResourceKind.POD, "default", "bind-twice").path("spec").path("nodeName").asString())
                .isEqualTo("node-a");
    }

    @Test
    void aStaleResourceVersionOrAnotherUidIsAConflict() {
        ObjectNode pod = created("bind-stale");
        ObjectNode relabeled = pod.deepCopy();
        relabeled.withObjectProperty("metadata").withObjectProperty("labels").put("app", "web");
        store.update(ResourceKind.POD, relabeled, WriteOptions.NONE);

        StatusException stale = bindFailure(binding(pod, "node-a"));
        StatusException otherUid = bindFailure(new Binding("default", "bind-stale", "not-its-uid", null, "node-a"));

        assertThat(stale.code()).isEqualTo(409);
        assertThat(stale.getMessage()).contains("Precondition failed: ResourceVersion in precondition: " + rv(pod));
        assertThat(otherUid.code()).isEqualTo(409);
        assertThat(otherUid.getMessage()).contains("Precondition failed: UID in precondition: not-its-uid");
        assertThat(store.get(ResourceKind.POD, "default", "bind-stale").path("spec").has("nodeName")).isFalse();
    }

    @Test
    void withoutAResourceVersionTheBindingAppliesToThePodAsItIsNow() {
        ObjectNode pod = created("bind-latest");
        ObjectNode relabeled = pod.deepCopy();
        relabeled.withObjectProperty("metadata").withObjectProperty("labels").put("app", "web");
        store.update(ResourceKind.POD, relabeled, WriteOptions.NONE);

        ObjectNode bound = store.bind(new Binding("default", "bind-latest", meta(pod, "uid"), null, "node-a"));

        assertThat(bound.path("spec").path("nodeName").asString()).isEqualTo("node-a");
        assertThat(bound.path("metadata").path("labels").path("app").asString()).isEqualTo("web");
    }

    @Test
    void aMissingPodIsNotFoundAndAnInvalidNodeNameIsInvalid() {
        ObjectNode pod = created("bind-invalid");

        assertThat(bindFailure(new Binding("default", "no-such-pod", null, null, "node-a")).code()).isEqualTo(404);
        StatusException empty = bindFailure(binding(pod, ""));
        StatusException invalid = bindFailure(binding(pod, "Not_A_Node"));

        assertThat(empty.code()).isEqualTo(422);
        assertThat(empty.getMessage()).contains("target.name");
        assertThat(invalid.code()).isEqualTo(422);
        assertThat(invalid.getMessage()).contains("spec.nodeName");
        assertThat(store.get(ResourceKind.POD, "default", "bind-invalid")).isEqualTo(pod);
    }

    @Test
    void aDryRunBindingAnswersTheBoundPodAndWritesNothing() {
        ObjectNode pod = created("bind-dry-run");
        long before = store.currentRevision();

        ObjectNode answered = store.bind(binding(pod, "node-a"), WriteOptions.DRY_RUN);

        assertThat(answered.path("spec").path("nodeName").asString()).isEqualTo("node-a");
        assertThat(podScheduled(answered).path("status").asString()).isEqualTo("True");
        assertThat(store.currentRevision()).isEqualTo(before);
        assertThat(store.get(ResourceKind.POD, "default", "bind-dry-run")).isEqualTo(pod);
        store.bind(binding(pod, "node-a"));
        assertThatThrownBy(() -> store.bind(binding(pod, "node-b"), WriteOptions.DRY_RUN))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(409));
        assertThatThrownBy(() -> store.bind(new Binding("default", "no-such-pod", null, null, "node-a"),
                WriteOptions.DRY_RUN))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(404));
    }

    @Test
    void aPodBeingDeletedIsNotBound() {
        ObjectNode pod = created("bind-deleting");
        ObjectNode withFinalizer = pod.deepCopy();
        withFinalizer.withObjectProperty("metadata").putArray("finalizers").add("example.com/keep");
        store.update(ResourceKind.POD, withFinalizer, WriteOptions.NONE);
        store.delete(ResourceKind.POD, "default", "bind-deleting", DeleteOptions.NONE);

        StatusException e = bindFailure(new Binding("default", "bind-deleting", null, null, "node-a"));

        assertThat(e.code()).isEqualTo(409);
        assertThat(e.getMessage()).endsWith("pod bind-deleting is being deleted, cannot be assigned to a host");
    }

    @Test
    void bindAllBindsEachPodAndFailsOnlyTheBadOnesInOrder() {
        List<ObjectNode> pods = IntStream.range(0, 300).mapToObj(i -> created("bind-all-" + i)).toList();
        List<Binding> bindings = new ArrayList<>();
        for (int i = 0; i < pods.size(); i++) {
            bindings.add(binding(pods.get(i), "node-" + (i % 7)));
        }
        bindings.set(10, new Binding("default", "bind-all-missing", null, null, "node-1"));
        bindings.add(binding(pods.get(20), "node-other"));

        List<BindResult> results = store.bindAll(bindings);

        assertThat(results).hasSize(301);
        for (int i = 0; i < 300; i++) {
            if (i == 10) {
                assertThat(((StatusException) results.get(i).failure()).code()).isEqualTo(404);
                continue;
            }
            assertThat(results.get(i).failure()).isNull();
            assertThat(results.get(i).pod().path("spec").path("nodeName").asString()).isEqualTo("node-" + (i % 7));
            assertThat(store.get(ResourceKind.POD, "default", "bind-all-" + i)).isEqualTo(results.get(i).pod());
        }
        assertThat(((StatusException) results.get(300).failure()).code()).isEqualTo(409);
        assertThat(store.get(ResourceKind.POD, "default", "bind-all-20").path("spec").path("nodeName").asString())
                .isEqualTo("node-6");
    }

    @Test
    void concurrentBindingsOfOnePodBindItOnce() throws Exception {
        ObjectNode pod = created("bind-race");
        List<Thread> threads = new ArrayList<>();
        List<String> winners = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 8; i++) {
            String node = "node-" + i;
            threads.add(new Thread(() -> {
                BindResult result = store.bindAll(List.of(new Binding("default", "bind-race", null, null, node)))
                        .get(0);
                if (result.pod() != null) {
                    winners.add(node);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(winners).hasSize(1);
        assertThat(store.get(ResourceKind.POD, "default", "bind-race").path("spec").path("nodeName").asString())
                .isEqualTo(winners.get(0));
        assertThatThrownBy(() -> store.bind(binding(pod, "node-x"))).isInstanceOf(StatusException.class);
    }
}
