package io.kubelite.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kubelite.controller.ControllerManager;
import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.model.selector.LabelSelector;
import io.kubelite.store.ListOptions;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.Watch;
import io.kubelite.store.WatchEvent;
import io.kubelite.store.WatchListener;
import io.kubelite.store.WatchOptions;
import io.kubelite.store.WriteOptions;
import io.kubelite.store.testing.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The deployment controller with the whole controller manager (the ReplicaSet controller makes the pods) on a real
 * PostgreSQL; a simulated agent makes pods Ready. Each test has its own namespace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.datasource.hikari.connection-timeout=2000")
class DeploymentControllerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static SimulatedPodReadiness agent;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerNewDatabase(registry);
    }

    @Autowired
    ObjectStore store;

    @Autowired
    ControllerManager manager;

    private String namespace;

    @BeforeEach
    void startAgentAndNamespace(org.junit.jupiter.api.TestInfo test) {
        if (agent == null) {
            agent = new SimulatedPodReadiness(store, Duration.ofMillis(300));
        }
        await().atMost(WAIT).until(manager::isLeader);
        String words = test.getTestMethod().orElseThrow().getName().replaceAll("([A-Z])", "-$1").toLowerCase();
        namespace = words.substring(0, Math.min(30, words.length())).replaceAll("-$", "");
        ObjectNode ns = Json.MAPPER.createObjectNode();
        ns.putObject("metadata").put("name", namespace);
        store.create(ResourceKind.NAMESPACE, ns, WriteOptions.NONE);
    }

    @AfterAll
    static void stopAgent() {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void createsOneReplicaSetWithTemplateHashAndRevisionOneThenScales() {
        create(deployment("web", 3, "nginx:1", rolling(1, 1)));

        ObjectNode rs = awaitAvailable("web", 3).get(0);
        String hash = rs.path("metadata").path("labels").path("pod-template-hash").asString();
        assertThat(rs.path("metadata").path("name").asString()).isEqualTo("web-" + hash);
        assertThat(hash).isEqualTo(TemplateHash.of(get("web").path("spec").path("template"), null));
        assertThat(rs.path("spec").path("selector").path("matchLabels").path("pod-template-hash").asString())
                .isEqualTo(hash);
        assertThat(rs.path("spec").path("template").path("metadata").path("labels").path("pod-template-hash")
                .asString()).isEqualTo(hash);
        assertThat(revision(rs)).isEqualTo("1");
        assertThat(revision(get("web"))).isEqualTo("1");
        JsonNode owner = rs.path("metadata").path("ownerReferences").path(0);
        assertThat(owner.path("kind").asString()).isEqualTo("Deployment");
        assertThat(owner.path("uid").asString()).isEqualTo(get("web").path("metadata").path("uid").asString());
        assertThat(owner.path("controller").asBoolean()).isTrue();
        assertThat(pods()).hasSize(3);

        update("web", d -> ((ObjectNode) d.get("spec")).put("replicas", 5));
        awaitAvailable("web", 5);
        update("web", d -> ((ObjectNode) d.get("spec")).put("replicas", 1));
        awaitAvailable("web", 1);
        await().atMost(WAIT).until(() -> pods().size() == 1);

        assertThat(replicaSets()).hasSize(1);
        assertThat(eventMessages()).contains("Scaled up replica set web-" + hash + " to 3",
                "Scaled up replica set web-" + hash + " to 5", "Scaled down replica set web-" + hash + " to 1");
    }

    @Test
    void rollingUpdateStaysWithinSurgeAndUnavailabilityAndEndsAtRevisionTwo() {
        create(deployment("web", 4, "nginx:1", rolling(1, 1)));
        String oldName = awaitAvailable("web", 4).get(0).path("metadata").path("name").asString();
        PodCensus census = PodCensus.watching(store, namespace);
        try {
            update("web", d -> image(d, "nginx:2"));
            awaitAvailable("web", 4);
            await().atMost(WAIT).until(() -> pods().size() == 4);
        } finally {
            census.close();
        }
        assertThat(census.maxActive()).isLessThanOrEqualTo(4 + 1);
        assertThat(census.minAvailable()).isGreaterThanOrEqualTo(4 - 1);
        assertThat(census.events()).isGreaterThan(8);

        ObjectNode old = replicaSet(oldName);
        assertThat(old.path("spec").path("replicas").asInt()).isZero();
        ObjectNode newRs = newReplicaSet("web");
        assertThat(revision(newRs)).isEqualTo("2");
        assertThat(revision(get("web"))).isEqualTo("2");
        assertThat(pods()).allMatch(p -> p.path("spec").path("containers").path(0).path("image").asString()
                .equals("nginx:2"));
    }

    @Test
    void recreateNeverRunsOldAndNewPodsAtOnce() {
        ObjectNode recreate = Json.MAPPER.createObjectNode().put("type", "Recreate");
        create(deployment("batch", 3, "worker:1", recreate));
        String oldHash = awaitAvailable("batch", 3).get(0).path("metadata").path("labels").path("pod-template-hash")
                .asString();
        PodCensus census = PodCensus.watching(store, namespace);
        try {
            update("batch", d -> image(d, "worker:2"));
            await().atMost(WAIT).until(() -> newReplicaSet("batch") != null
                    && !hash(newReplicaSet("batch")).equals(oldHash));
            awaitAvailable("batch", 3);
        } finally {
            census.close();
        }
        assertThat(census.hashesAtOnce()).isEqualTo(1);
        assertThat(revision(newReplicaSet("batch"))).isEqualTo("2");
    }

    @Test
    void pausedDeploymentScalesButDoesNotRollOutUntilResumed() {
        create(deployment("web", 2, "nginx:1", rolling(1, 0)));
        awaitAvailable("web", 2);
        update("web", d -> {
            ((ObjectNode) d.get("spec")).put("paused", true);
            image(d, "nginx:2");
        });
        await().atMost(WAIT).until(() -> "DeploymentPaused".equals(condition(get("web"), "Progressing")
                .path("reason").asString()));
        update("web", d -> ((ObjectNode) d.get("spec")).put("replicas", 3));
        await().atMost(WAIT).until(() -> get("web").path("status").path("availableReplicas").asInt() == 3);
        assertThat(replicaSets()).hasSize(1);
        assertThat(pods()).allMatch(p -> p.path("spec").path("containers").path(0).path("image").asString()
                .equals("nginx:1"));

        update("web", d -> ((ObjectNode) d.get("spec")).put("paused", false));
        await().atMost(WAIT).until(() -> replicaSets().size() == 2);
        awaitAvailable("web", 3);
        assertThat(revision(newReplicaSet("web"))).isEqualTo("2");
    }

    @Test
    void rollbackCopiesTheOldTemplateAndReusesItsReplicaSetAtTheNextRevision() {
        create(deployment("web", 2, "nginx:1", rolling(1, 1)));
        String firstName = awaitAvailable("web", 2).get(0).path("metadata").path("name").asString();
        update("web", d -> image(d, "nginx:2"));
        await().atMost(WAIT).until(() -> "2".equals(revision(get("web"))));
        awaitAvailable("web", 2);

        undo("web", "1");

        await().atMost(WAIT).until(() -> "3".equals(revision(get("web"))));
        awaitAvailable("web", 2);
        ObjectNode reused = newReplicaSet("web");
        assertThat(reused.path("metadata").path("name").asString()).isEqualTo(firstName);
        assertThat(revision(reused)).isEqualTo("3");
        assertThat(reused.path("metadata").path("annotations").path("deployment.kubernetes.io/revision-history")
                .asString()).isEqualTo("1");
        assertThat(replicaSets()).hasSize(2);
        assertThat(pods()).allMatch(p -> p.path("spec").path("containers").path(0).path("image").asString()
                .equals("nginx:1"));
    }

    @Test
    void revisionHistoryLimitDeletesTheOldestEmptyReplicaSets() {
        ObjectNode deployment = deployment("web", 1, "nginx:1", rolling(1, 0));
        ((ObjectNode) deployment.get("spec")).put("revisionHistoryLimit", 1);
        create(deployment);
        awaitAvailable("web", 1);
        for (int version = 2; version <= 4; version++) {
            String image = "nginx:" + version;
            update("web", d -> image(d, image));
            await().atMost(WAIT).until(() -> String.valueOf(image.charAt(6)).equals(revision(get("web"))));
            awaitAvailable("web", 1);
        }
        await().atMost(WAIT).until(() -> replicaSets().size() == 2);
        assertThat(replicaSets()).extracting(this::revision).containsExactlyInAnyOrder("3", "4");
    }

    @Test
    void reportsConditionsAndObservedGenerationAndTimesOutWithoutProgress() {
        ObjectNode deployment = deployment("web", 2, "nginx:1", rolling(1, 0));
        ((ObjectNode) deployment.get("spec")).put("progressDeadlineSeconds", 2);
        create(deployment);
        awaitAvailable("web", 2);
        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode web = get("web");
            assertThat(web.path("status").path("observedGeneration").asLong())
                    .isEqualTo(web.path("metadata").path("generation").asLong());
            assertThat(condition(web, "Available").path("reason").asString()).isEqualTo("MinimumReplicasAvailable");
            assertThat(condition(web, "Progressing").path("reason").asString()).isEqualTo("NewReplicaSetAvailable");
        });

        update("web", d -> image(d, "broken:1"));
        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode web = get("web");
            assertThat(web.path("status").path("observedGeneration").asLong()).isEqualTo(2);
            assertThat(condition(web, "Progressing").path("status").asString()).isEqualTo("False");
            assertThat(condition(web, "Progressing").path("reason").asString()).isEqualTo("ProgressDeadlineExceeded");
        });
        ObjectNode web = get("web");
        assertThat(web.path("status").path("availableReplicas").asInt()).isEqualTo(2);
        assertThat(web.path("status").path("updatedReplicas").asInt()).isEqualTo(1);
        assertThat(web.path("status").path("unavailableReplicas").asInt()).isEqualTo(1);
        assertThat(condition(web, "Available").path("status").asString()).isEqualTo("True");
    }

    @Test
    void podsCountAsAvailableOnlyAfterMinReadySeconds() {
        ObjectNode deployment = deployment("web", 2, "nginx:1", rolling(1, 0));
        ((ObjectNode) deployment.get("spec")).put("minReadySeconds", 2);
        create(deployment);
        await().atMost(WAIT).until(() -> get("web").path("status").path("readyReplicas").asInt() == 2);
        ObjectNode web = get("web");
        assertThat(web.path("status").path("availableReplicas").asInt()).isZero();
        assertThat(condition(web, "Available").path("reason").asString()).isEqualTo("MinimumReplicasUnavailable");
        awaitAvailable("web", 2);
        assertThat(condition(get("web"), "Available").path("status").asString()).isEqualTo("True");
    }

    @Test
    void scalingDuringAStalledRolloutIsSharedInProportion() {
        create(deployment("web", 4, "nginx:1", rolling(1, 0)));
        String oldName = awaitAvailable("web", 4).get(0).path("metadata").path("name").asString();
        update("web", d -> image(d, "broken:1"));
        await().atMost(WAIT).until(() -> newReplicaSet("web") != null && "2".equals(revision(get("web")))
                && newReplicaSet("web").path("spec").path("replicas").asInt() == 1);

        update("web", d -> ((ObjectNode) d.get("spec")).put("replicas", 8));

        // 4 + 1 pods for 8 + 1 allowed: each ReplicaSet grows by 9/5, rounded (Kubernetes' GetProportion).
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(replicaSet(oldName).path("spec").path("replicas").asInt()).isEqualTo(7);
            assertThat(newReplicaSet("web").path("spec").path("replicas").asInt()).isEqualTo(2);
        });
        await().atMost(WAIT).until(() -> get("web").path("status").path("availableReplicas").asInt() == 7);
        assertThat(replicaSet(oldName).path("spec").path("replicas").asInt()).isEqualTo(7);
        assertThat(newReplicaSet("web").path("spec").path("replicas").asInt()).isEqualTo(2);
    }

    @Test
    void adoptsAMatchingOrphanReplicaSetAndRefusesBothBoundsZero() {
        ObjectNode orphan = Json.MAPPER.createObjectNode();
        ObjectNode metadata = orphan.putObject("metadata").put("name", "orphan").put("namespace", namespace);
        metadata.putObject("labels").put("app", "web");
        ObjectNode spec = orphan.putObject("spec");
        spec.put("replicas", 0);
        spec.putObject("selector").putObject("matchLabels").put("app", "web");
        spec.set("template", deployment("web", 1, "other:1", rolling(1, 0)).path("spec").path("template"));
        store.create(ResourceKind.REPLICASET, orphan, WriteOptions.NONE);

        create(deployment("web", 1, "nginx:1", rolling(1, 0)));

        await().atMost(WAIT).until(() -> replicaSet("orphan").path("metadata").path("ownerReferences").path(0)
                .path("name").asString("").equals("web"));
        awaitAvailable("web", 1);
        assertThatThrownBy(() -> create(deployment("frozen", 1, "nginx:1", rolling(0, 0))))
                .isInstanceOf(StatusException.class).extracting(e -> ((StatusException) e).code()).isEqualTo(422);
    }

    // --- what kubectl does, through the store ---

    /** {@code kubectl rollout undo --to-revision}: the ReplicaSet of that revision lends its template. */
    private void undo(String name, String toRevision) {
        ObjectNode target = replicaSets().stream().filter(rs -> toRevision.equals(revision(rs))).findFirst()
                .orElseThrow();
        ObjectNode template = (ObjectNode) target.get("spec").get("template").deepCopy();
        ((ObjectNode) template.get("metadata").get("labels")).remove("pod-template-hash");
        update(name, d -> ((ObjectNode) d.get("spec")).set("template", template));
    }

    // --- fixtures ---

    private ObjectNode deployment(String name, int replicas, String image, ObjectNode strategy) {
        ObjectNode deployment = Json.MAPPER.createObjectNode();
        deployment.put("apiVersion", "apps/v1").put("kind", "Deployment");
        deployment.putObject("metadata").put("name", name).put("namespace", namespace);
        ObjectNode spec = deployment.putObject("spec");
        spec.put("replicas", replicas);
        spec.putObject("selector").putObject("matchLabels").put("app", name);
        spec.set("strategy", strategy);
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app", name);
        ObjectNode container = template.putObject("spec").putArray("containers").addObject();
        container.put("name", "main").put("image", image);
        return deployment;
    }

    private static ObjectNode rolling(int maxSurge, int maxUnavailable) {
        ObjectNode strategy = Json.MAPPER.createObjectNode().put("type", "RollingUpdate");
        strategy.putObject("rollingUpdate").put("maxSurge", maxSurge).put("maxUnavailable", maxUnavailable);
        return strategy;
    }

    private void create(ObjectNode deployment) {
        store.create(ResourceKind.DEPLOYMENT, deployment, WriteOptions.NONE);
    }

    private ObjectNode get(String name) {
        return store.get(ResourceKind.DEPLOYMENT, namespace, name);
    }

    private ObjectNode replicaSet(String name) {
        return store.get(ResourceKind.REPLICASET, namespace, name);
    }

    /** Changes the deployment as a client would, retrying when a controller's write comes first. */
    private void update(String name, Consumer<ObjectNode> change) {
        await().atMost(WAIT).ignoreException(StatusException.class).until(() -> {
            ObjectNode deployment = get(name);
            change.accept(deployment);
            store.update(ResourceKind.DEPLOYMENT, deployment, WriteOptions.NONE);
            return true;
        });
    }

    private static void image(ObjectNode deployment, String image) {
        ((ObjectNode) deployment.get("spec").get("template").get("spec").get("containers").get(0)).put("image", image);
    }

    /** Waits until the deployment is fully rolled out with this many available pods; answers its ReplicaSets. */
    private List<ObjectNode> awaitAvailable(String name, int replicas) {
        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode deployment = get(name);
            JsonNode status = deployment.path("status");
            assertThat(status.path("observedGeneration").asLong())
                    .isEqualTo(deployment.path("metadata").path("generation").asLong());
            assertThat(status.path("availableReplicas").asInt(-1)).isEqualTo(replicas);
            assertThat(status.path("updatedReplicas").asInt(-1)).isEqualTo(replicas);
            assertThat(status.path("replicas").asInt(-1)).isEqualTo(replicas);
        });
        return replicaSets();
    }

    private List<ObjectNode> replicaSets() {
        return store.list(ResourceKind.REPLICASET, ListOptions.inNamespace(namespace)).items();
    }

    private List<ObjectNode> pods() {
        return store.list(ResourceKind.POD, ListOptions.inNamespace(namespace)).items();
    }

    private ObjectNode newReplicaSet(String name) {
        String revision = revision(get(name));
        return replicaSets().stream().filter(rs -> revision.equals(revision(rs))).findFirst().orElse(null);
    }

    private String revision(JsonNode object) {
        return object.path("metadata").path("annotations").path("deployment.kubernetes.io/revision").asString("");
    }

    private static String hash(JsonNode object) {
        return object.path("metadata").path("labels").path("pod-template-hash").asString("");
    }

    private static JsonNode condition(JsonNode deployment, String type) {
        for (JsonNode condition : deployment.path("status").path("conditions").values()) {
            if (condition.path("type").asString().equals(type)) {
                return condition;
            }
        }
        return Json.MAPPER.createObjectNode();
    }

    private List<String> eventMessages() {
        return store.list(ResourceKind.EVENT, ListOptions.inNamespace(namespace)).items().stream()
                .map(e -> e.path("message").asString()).toList();
    }

    /**
     * Follows a namespace's pods from a watch and, after each change, counts them as Kubernetes does: active pods
     * (not being deleted, not finished) against the surge bound, Ready ones against the availability bound, and how
     * many pod-template hashes have pods at once (pods being deleted included).
     */
    static final class PodCensus implements AutoCloseable {
        private final Map<String, JsonNode> pods = new ConcurrentHashMap<>();
        private final List<int[]> samples = new CopyOnWriteArrayList<>();
        private final Watch watch;

        private PodCensus(ObjectStore store, String namespace) {
            store.list(ResourceKind.POD, ListOptions.inNamespace(namespace)).items()
                    .forEach(p -> pods.put(p.path("metadata").path("name").asString(), p));
            this.watch = store.watch(ResourceKind.POD,
                    new WatchOptions(namespace, LabelSelector.parse(""), null, store.currentRevision()),
                    new WatchListener() {
                        @Override
                        public void onEvent(WatchEvent event) {
                            String name = event.object().path("metadata").path("name").asString();
                            if (WatchEvent.DELETED.equals(event.type())) {
                                pods.remove(name);
                            } else {
                                pods.put(name, event.object());
                            }
                            sample();
                        }

                        @Override
                        public void onError(StatusException error) {
                            throw error;
                        }
                    });
        }

        static PodCensus watching(ObjectStore store, String namespace) {
            return new PodCensus(store, namespace);
        }

        private void sample() {
            int active = 0;
            int available = 0;
            for (JsonNode pod : pods.values()) {
                if (PodCounts.isActive(pod)) {
                    active++;
                    if (PodCounts.of(List.of((ObjectNode) pod), 0, java.time.Instant.now()).available() == 1) {
                        available++;
                    }
                }
            }
            long hashes = pods.values().stream().map(DeploymentControllerTest::hash).distinct().count();
            samples.add(new int[] {active, available, (int) hashes});
        }

        int maxActive() {
            return samples.stream().mapToInt(s -> s[0]).max().orElse(0);
        }

        int minAvailable() {
            return samples.stream().mapToInt(s -> s[1]).min().orElse(0);
        }

        int hashesAtOnce() {
            return samples.stream().mapToInt(s -> s[2]).max().orElse(0);
        }

        int events() {
            return samples.size();
        }

        @Override
        public void close() {
            watch.close();
        }
    }
}
