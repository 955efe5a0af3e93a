package io.kubelite.controller.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.store.ListOptions;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import io.kubelite.store.lease.NodeLeaseStore;
import io.kubelite.store.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The node lifecycle controller in a running controller manager on a real PostgreSQL, with the agents' part played
 * by hand: nodes and pods are written to the store and leases renewed (or not) through {@link NodeLeaseStore}.
 * Times are shortened: a 2 s grace period, a 1 s default toleration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.connection-timeout=2000",
        "kubelite.controller-manager.leader-retry-interval=200ms",
        "kubelite.controller-manager.node-lifecycle.monitor-period=200ms",
        "kubelite.controller-manager.node-lifecycle.grace-period=2s",
        "kubelite.controller-manager.node-lifecycle.default-toleration=1s",
        "kubelite.controller-manager.node-lifecycle.force-delete-after=1s"})
class NodeLifecycleControllerTest {

    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerNewDatabase(registry);
    }

    @Autowired
    ObjectStore store;

    @Autowired
    NodeLeaseStore leases;

    private final Set<String> renewed = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService agent;

    @BeforeEach
    void startRenewing() {
        agent = Executors.newSingleThreadScheduledExecutor();
        agent.scheduleWithFixedDelay(() -> leases.renew(List.copyOf(renewed), "test-agent", Duration.ofSeconds(40)),
                0, 300, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stopRenewing() {
        agent.shutdownNow();
    }

    @Test
    void aNodeWhoseLeaseIsNoLongerRenewedBecomesUnknownAndUnreachableAfterTheGracePeriod() throws Exception {
        createNode("silent", "True", false);
        renew("silent");
        Thread.sleep(GRACE.plusSeconds(1).toMillis());
        assertThat(ready("silent").path("status").asString()).as("kept Ready while renewed").isEqualTo("True");
        assertThat(taintKeys("silent")).isEmpty();

        long stopped = System.nanoTime();
        renewed.remove("silent");
        await().atMost(WAIT).until(() -> "Unknown".equals(ready("silent").path("status").asString()));
        Duration took = Duration.ofNanos(System.nanoTime() - stopped);

        assertThat(took).isGreaterThan(GRACE.minusMillis(500));
        JsonNode ready = ready("silent");
        assertThat(ready.path("reason").asString()).isEqualTo("NodeStatusUnknown");
        assertThat(ready.path("message").asString()).isEqualTo("Kubelet stopped posting node status.");
        await().atMost(WAIT).until(() -> taintKeys("silent").contains(NoExecuteTaints.UNREACHABLE));
        JsonNode taint = node("silent").at("/spec/taints/0");
        assertThat(taint.path("effect").asString()).isEqualTo("NoExecute");
        assertThat(taint.path("timeAdded").asString()).isNotEmpty();
        assertThat(eventsAbout("silent")).contains("NodeNotReady");
    }

    @Test
    void podsOnAnUnreachableNodeAreEvictedWhenTheirTolerationsRunOutThenDeletedForGood() throws Exception {
        createNode("lost", "True", false);
        renew("lost");
        createPod("plain", "lost", "");
        createPod("patient", "lost", toleration(NoExecuteTaints.UNREACHABLE, 4L));
        createPod("faithful", "lost", toleration(NoExecuteTaints.UNREACHABLE, null));
        Thread.sleep(500);

        renewed.remove("lost");
        await().atMost(WAIT).until(() -> taintKeys("lost").contains(NoExecuteTaints.UNREACHABLE));
        long tainted = System.nanoTime();
        await().atMost(WAIT).until(() -> beingDeleted("plain"));
        Duration plainAfter = Duration.ofNanos(System.nanoTime() - tainted);
        assertThat(plainAfter).as("the default toleration is 1 s").isLessThan(Duration.ofMillis(2_500));
        assertThat(beingDeleted("patient")).as("tolerates for 4 s").isFalse();
        assertThat(eventsAbout("plain")).contains("TaintManagerEviction");
        assertThat(eventMessages("plain")).contains("Marking for deletion Pod default/plain");

        await().atMost(WAIT).until(() -> beingDeleted("patient"));
        assertThat(Duration.ofNanos(System.nanoTime() - tainted)).isGreaterThan(Duration.ofMillis(2_500));
        await("no agent finishes the deletion, so it is forced").atMost(WAIT)
                .until(() -> !exists("plain") && !exists("patient"));
        assertThat(exists("faithful") && !beingDeleted("faithful")).as("tolerates for ever").isTrue();
    }

    @Test
    void theLifecycleTaintIsRemovedWhenTheLeaseIsFreshAgainAndReadyIsLeftToTheAgent() {
        createNode("returning", "True", false);
        renew("returning");
        await().atMost(WAIT).until(() -> leases.list().stream().anyMatch(l -> l.nodeName().equals("returning")));
        renewed.remove("returning");
        await().atMost(WAIT).until(() -> taintKeys("returning").contains(NoExecuteTaints.UNREACHABLE));

        renew("returning");
        await().atMost(WAIT).until(() -> taintKeys("returning").isEmpty());
        assertThat(ready("returning").path("status").asString()).isEqualTo("Unknown");
    }

    @Test
    void aCordonedNodeKeepsItsPods() throws Exception {
        createNode("cordoned", "True", true);
        renew("cordoned");
        createPod("stays", "cordoned", "");
        Thread.sleep(GRACE.plusSeconds(2).toMillis());

        assertThat(beingDeleted("stays")).isFalse();
        assertThat(taintKeys("cordoned")).isEmpty();
        assertThat(ready("cordoned").path("status").asString()).isEqualTo("True");
    }

    @Test
    void aReadyNodeThatNeverHadALeaseIsJudgedFromItsReadyHeartbeat() throws Exception {
        createNode("leaseless", "True", false);
        Thread.sleep(GRACE.minusMillis(800).toMillis());
        assertThat(ready("leaseless").path("status").asString()).as("within the grace period").isEqualTo("True");

        await().atMost(WAIT).until(() -> "Unknown".equals(ready("leaseless").path("status").asString()));
        await().atMost(WAIT).until(() -> taintKeys("leaseless").contains(NoExecuteTaints.UNREACHABLE));
    }

    @Test
    void aNodeWhoseLastHeartbeatPredatesTheControllerGetsAFullGracePeriodFromWhenItIsFirstSeen() throws Exception {
        leases.renew(List.of("restarted"), "test-agent", Duration.ofSeconds(40));
        Thread.sleep(GRACE.plusSeconds(1).toMillis());
        long created = System.nanoTime();
        createNode("restarted", "True", false, Instant.now().minus(GRACE.multipliedBy(2)));

        await().atMost(WAIT).until(() -> "Unknown".equals(ready("restarted").path("status").asString()));
        Duration took = Duration.ofNanos(System.nanoTime() - created);
        assertThat(took).as("silent since before it was first seen, judged a grace period after that")
                .isGreaterThan(GRACE.minusMillis(500));
    }

    @Test
    void aNodeItsAgentReportsNotReadyBeyondTheGracePeriodIsTaintedNotReadyAndItsPodsEvicted() throws Exception {
        createNode("stopped", "False", false);
        renew("stopped");
        createPod("on-stopped", "stopped", "");
        Thread.sleep(GRACE.minusMillis(800).toMillis());
        assertThat(taintKeys("stopped")).as("an agent restarting reports NotReady briefly").isEmpty();

        await().atMost(WAIT).until(() -> taintKeys("stopped").contains(NoExecuteTaints.NOT_READY));
        await().atMost(WAIT).until(() -> beingDeleted("on-stopped"));
        assertThat(ready("stopped").path("status").asString()).as("fresh lease: the agent's word stands")
                .isEqualTo("False");
    }

    @Test
    void aPodNotToleratingAnotherNoExecuteTaintIsEvictedAtOnceFromAHealthyNode() throws Exception {
        createNode("dedicated", "True", false);
        renew("dedicated");
        createPod("guest", "dedicated", toleration("dedicated", null));
        createPod("intruder", "dedicated", "");
        Thread.sleep(500);
        ObjectNode node = (ObjectNode) node("dedicated");
        ((ObjectNode) node.get("spec")).putArray("taints").addObject()
                .put("key", "dedicated").put("value", "db").put("effect", "NoExecute");
        store.update(ResourceKind.NODE, node, WriteOptions.NONE);

        await().atMost(Duration.ofSeconds(3)).until(() -> beingDeleted("intruder"));
        Thread.sleep(1_000);
        assertThat(beingDeleted("guest")).isFalse();
        assertThat(exists("intruder")).as("a healthy node's agent finishes the deletion; none runs here").isTrue();
    }

    private void renew(String node) {
        renewed.add(node);
        leases.renew(List.of(node), "test-agent", Duration.ofSeconds(40));
    }

    private void createNode(String name, String ready, boolean unschedulable) {
        createNode(name, ready, unschedulable, Instant.now());
    }

    private void createNode(String name, String ready, boolean unschedulable, Instant heartbeat) {
        String now = heartbeat.toString();
        ObjectNode node = Json.MAPPER.readValue("""
                {"apiVersion":"v1","kind":"Node","metadata":{"name":"%s"},"spec":{"unschedulable":%s},
                 "status":{"capacity":{"cpu":"4","memory":"8Gi","pods":"110"},
                           "allocatable":{"cpu":"4","memory":"8Gi","pods":"110"},
                           "conditions":[{"type":"Ready","status":"%s","lastHeartbeatTime":"%s",
                                          "lastTransitionTime":"%s","reason":"KubeletReady"}]}}"""
                .formatted(name, unschedulable, ready, now, now), ObjectNode.class);
        store.create(ResourceKind.NODE, node, WriteOptions.NONE);
    }

    private void createPod(String name, String nodeName, String tolerations) {
        ObjectNode pod = Json.MAPPER.readValue("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","namespace":"default"},
                 "spec":{"nodeName":"%s","terminationGracePeriodSeconds":1,%s
                         "containers":[{"name":"main","image":"kubelite/busybox:1"}]}}"""
                .formatted(name, nodeName, tolerations), ObjectNode.class);
        store.create(ResourceKind.POD, pod, WriteOptions.NONE);
    }

    private static String toleration(String key, Long seconds) {
        return """
                "tolerations":[{"key":"%s","operator":"Exists","effect":"NoExecute"%s}],"""
                .formatted(key, seconds == null ? "" : ",\"tolerationSeconds\":" + seconds);
    }

    private JsonNode node(String name) {
        return store.get(ResourceKind.NODE, null, name);
    }

    private JsonNode ready(String name) {
        for (JsonNode condition : node(name).path("status").path("conditions")) {
            if ("Ready".equals(condition.path("type").asString())) {
                return condition;
            }
        }
        throw new AssertionError(name + " has no Ready condition");
    }

    private List<String> taintKeys(String name) {
        return node(name).path("spec").path("taints").valueStream().map(t -> t.path("key").asString()).toList();
    }

    private boolean exists(String pod) {
        try {
            store.get(ResourceKind.POD, "default", pod);
            return true;
        } catch (StatusException e) {
            if (e.code() == 404) {
                return false;
            }
            throw e;
        }
    }

    private boolean beingDeleted(String pod) {
        try {
            return store.get(ResourceKind.POD, "default", pod).path("metadata").hasNonNull("deletionTimestamp");
        } catch (StatusException e) {
            if (e.code() == 404) {
                return true;
            }
            throw e;
        }
    }

    private List<JsonNode> events(String involved) {
        return store.list(ResourceKind.EVENT, ListOptions.inNamespace("default")).items().stream()
                .filter(event -> involved.equals(event.at("/involvedObject/name").asString()))
                .map(JsonNode.class::cast).toList();
    }

    private List<String> eventsAbout(String involved) {
        return events(involved).stream().map(event -> event.path("reason").asString()).toList();
    }

    private List<String> eventMessages(String involved) {
        return events(involved).stream().map(event -> event.path("message").asString()).toList();
    }
}
