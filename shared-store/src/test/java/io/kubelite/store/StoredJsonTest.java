package io.kubelite.store;

import static io.kubelite.store.TestObjects.meta;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.store.testing.TestStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Objects come back as they were written: keys in their order, every JSON string intact. */
class StoredJsonTest {

    private static final List<String> KUBERNETES_ORDER = List.of("apiVersion", "kind", "metadata", "spec", "status");
    @RegisterExtension
    static final TestStore fixture = TestStore.onNewDatabase();
    private static final ObjectStore store = fixture.store;

    /**
     * A pod in Kubernetes' key order. Sorted as jsonb sorts keys (shorter first), kind and spec would
     * come first and metadata late, and the container's name before its image.
     */
    private static ObjectNode podInKubernetesOrder(String name) {
        ObjectNode pod = Json.MAPPER.createObjectNode();
        pod.put("apiVersion", "v1").put("kind", "Pod");
        pod.putObject("metadata").put("name", name).put("namespace", "default");
        pod.putObject("spec").putArray("containers").addObject().put("image", "busybox:1").put("name", "main");
        pod.putObject("status").put("phase", "Pending");
        return pod;
    }

    private static void assertKubernetesOrder(JsonNode pod) {
        assertThat(keys(pod)).containsExactlyElementsOf(KUBERNETES_ORDER);
        assertThat(keys(pod.path("spec").path("containers").path(0))).containsSubsequence("image", "name");
    }

    private static List<String> keys(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    private static ObjectNode listed(String name) {
        return store.list(ResourceKind.POD, ListOptions.inNamespace("default")).items().stream()
                .filter(item -> meta(item, "name").equals(name)).findFirst().orElseThrow();
    }

    private static List<WatchEvent> eventsAfter(long revision, String name, int count) throws InterruptedException {
        List<WatchEvent> events = new CopyOnWriteArrayList<>();
        try (Watch ignored = store.watch(ResourceKind.POD, new WatchOptions("default", null, null, revision),
                event -> {
                    if (meta(event.object(), "name").equals(name)) {
                        events.add(event);
                    }
                })) {
            Eventually.until(() -> events.size() >= count);
        }
        return events;
    }

    @Test
    void getAndListReturnTheKeysInTheOrderTheyWereWritten() {
        store.create(ResourceKind.POD, podInKubernetesOrder("ordered"), WriteOptions.NONE);

        assertKubernetesOrder(store.get(ResourceKind.POD, "default", "ordered"));
        assertKubernetesOrder(listed("ordered"));
    }

    @Test
    void anUpdatedObjectKeepsItsKeyOrder() {
        ObjectNode created = store.create(ResourceKind.POD, podInKubernetesOrder("updated"), WriteOptions.NONE);
        ((ObjectNode) created.get("status")).put("phase", "Running");
        store.updateStatus(ResourceKind.POD, created, WriteOptions.NONE);
        ObjectNode current = store.get(ResourceKind.POD, "default", "updated");
        ((ObjectNode) current.get("spec")).put("activeDeadlineSeconds", 60);
        store.update(ResourceKind.POD, current, WriteOptions.NONE);

        ObjectNode read = store.get(ResourceKind.POD, "default", "updated");
        assertKubernetesOrder(read);
        assertThat(read.path("status").path("phase").asString()).isEqualTo("Running");
        assertThat(read.path("spec").path("activeDeadlineSeconds").asInt()).isEqualTo(60);
    }

    @Test
    void watchEventsCarryTheKeysInTheOrderTheyWereWritten() throws Exception {
        long before = store.currentRevision();
        ObjectNode created = store.create(ResourceKind.POD, podInKubernetesOrder("watched"), WriteOptions.NONE);
        ((ObjectNode) created.get("status")).put("phase", "Running");
        store.updateStatus(ResourceKind.POD, created, WriteOptions.NONE);
        store.delete(ResourceKind.POD, "default", "watched", DeleteOptions.NONE);

        List<WatchEvent> events = eventsAfter(before, "watched", 3);

        assertThat(events).extracting(WatchEvent::type)
                .containsExactly(WatchEvent.ADDED, WatchEvent.MODIFIED, WatchEvent.DELETED);
        events.forEach(event -> assertKubernetesOrder(event.object()));
    }

    @Test
    void anAnnotationHoldingTheNulCharacterIsStoredAndReadBackIntact() throws Exception {
        long before = store.currentRevision();
        ObjectNode pod = podInKubernetesOrder("nul");
        ((ObjectNode) pod.get("metadata")).putObject("annotations").put("example.com/raw", "a\u0000b");

        ObjectNode created = store.create(ResourceKind.POD, pod, WriteOptions.NONE);

        assertThat(annotation(created)).isEqualTo("a\u0000b");
        assertThat(annotation(store.get(ResourceKind.POD, "default", "nul"))).isEqualTo("a\u0000b");
        assertThat(annotation(listed("nul"))).isEqualTo("a\u0000b");
        assertThat(annotation(eventsAfter(before, "nul", 1).get(0).object())).isEqualTo("a\u0000b");
    }

    private static String annotation(ObjectNode pod) {
        return pod.path("metadata").path("annotations").path("example.com/raw").asString();
    }
}
