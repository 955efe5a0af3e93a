package io.kubelite.scheduler;

import static io.kubelite.scheduler.testing.NodeBuilder.node;
import static io.kubelite.scheduler.testing.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubelite.model.ResourceKind;
import io.kubelite.scheduler.testing.StoreObjects;
import io.kubelite.store.ListOptions;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import io.kubelite.store.testing.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

// A short pool timeout: the test database may stop before this context closes at the end of the run.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.hikari.connection-timeout=2000")
class SchedulerServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerNewDatabase(registry);
    }

    @Autowired
    ObjectStore store;

    @LocalServerPort
    int port;

    @Test
    void podsCreatedInTheStoreAreBoundAndMarkedScheduled() {
        StoreObjects.create(store, node("worker-1").label("pool", "bound-test"));
        StoreObjects.create(store, node("worker-2").label("pool", "bound-test"));
        List<String> names = IntStream.range(0, 20).mapToObj(i -> "web-" + i).toList();
        names.forEach(name -> StoreObjects.create(store, pod(name).requests("100m", "64Mi")
                .nodeSelector("pool", "bound-test")));

        await().atMost(WAIT).untilAsserted(() -> names.forEach(name -> {
            ObjectNode pod = store.get(ResourceKind.POD, "default", name);
            assertThat(pod.path("spec").path("nodeName").asString()).isIn("worker-1", "worker-2");
            assertThat(condition(pod).path("status").asString()).isEqualTo("True");
        }));
    }

    @Test
    void anUnschedulablePodSaysWhyOnceAndIsBoundWhenANodeFitsIt() {
        StoreObjects.create(store, node("small").allocatable("1", "1Gi", "10").label("pool", "big-test"));
        ObjectNode unrelated = StoreObjects.create(store, node("unrelated").label("pool", "elsewhere"));
        StoreObjects.create(store, pod("big").requests("3", "1Gi").nodeSelector("pool", "big-test"));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode condition = condition(store.get(ResourceKind.POD, "default", "big"));
            assertThat(condition.path("status").asString()).isEqualTo("False");
            assertThat(condition.path("reason").asString()).isEqualTo("Unschedulable");
            assertThat(condition.path("message").asString()).startsWith("0/").contains("1 Insufficient cpu");
            assertThat(failedSchedulingEvents("big")).hasSize(1);
        });
        ((ObjectNode) unrelated.get("metadata").get("labels")).put("changed", "yes");
        store.update(ResourceKind.NODE, unrelated, WriteOptions.NONE);
        await().atMost(WAIT).untilAsserted(() -> assertThat(failedSchedulingEvents("big")).singleElement()
                .satisfies(e -> assertThat(e.path("count").asInt()).isEqualTo(2)));

        StoreObjects.create(store, node("large").allocatable("8", "16Gi", "10").label("pool", "big-test"));

        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode pod = store.get(ResourceKind.POD, "default", "big");
            assertThat(pod.path("spec").path("nodeName").asString()).isEqualTo("large");
            assertThat(condition(pod).path("status").asString()).isEqualTo("True");
        });
        assertThat(failedSchedulingEvents("big")).singleElement().satisfies(e -> {
            assertThat(e.path("type").asString()).isEqualTo("Warning");
            assertThat(e.path("involvedObject").path("kind").asString()).isEqualTo("Pod");
        });
    }

    @Test
    void prometheusShowsTheSchedulerMetrics() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).contains("kubelite_scheduler_pods_scheduled_total",
                "kubelite_scheduler_scheduling_latency_seconds_bucket", "kubelite_scheduler_pending_pods",
                "kubelite_scheduler_algorithm_duration_seconds", "kubelite_scheduler_leader 1.0");
    }

    private List<JsonNode> failedSchedulingEvents(String podName) {
        return store.list(ResourceKind.EVENT, ListOptions.inNamespace("default")).items().stream()
                .filter(e -> podName.equals(e.path("involvedObject").path("name").asString()))
                .filter(e -> "FailedScheduling".equals(e.path("reason").asString()))
                .map(e -> (JsonNode) e).toList();
    }

    private static JsonNode condition(ObjectNode pod) {
        for (JsonNode condition : pod.path("status").path("conditions")) {
            if ("PodScheduled".equals(condition.path("type").asString())) {
                return condition;
            }
        }
        return pod.missingNode();
    }
}
