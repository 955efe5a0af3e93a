package io.kubelite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A node dies under a Deployment, through the whole system started by {@code deploy/kube-lite up} with three
 * simulated nodes, one agent process each: the node lifecycle controller notices the silent node and evicts its
 * pods, and the ReplicaSet puts them back on the other nodes, with default settings.
 */
class NodeFailureEndToEndTest {

    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
    private static final String PODS = "/api/v1/namespaces/default/pods";
    private static final int REPLICAS = 6;
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(20);

    private static KubeLite kubeLite;
    private static Api api;

    @BeforeAll
    static void up() throws Exception {
        kubeLite = KubeLite.up("simulated", 3);
        api = kubeLite.api();
    }

    @AfterAll
    static void down() throws Exception {
        if (kubeLite != null) {
            kubeLite.close();
        }
    }

    @Test
    void whenANodeAgentIsKilledItsDeploymentPodsRunOnTheOtherNodesWithinTwentySeconds() throws Exception {
        // Each simulated node offers the machine's cores; half a core per pod lets the scheduler's least-allocated
        // scoring spread six pods two a node, and two nodes still fit all six.
        HttpResponse<String> created = api.post(DEPLOYMENTS, deployment("web", REPLICAS, "500m"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        await(Duration.ofSeconds(60), "6 pods Running over 3 nodes",
                () -> podsPerNode(Set.of()).values().stream().mapToLong(Long::longValue).sum() == REPLICAS
                        && podsPerNode(Set.of()).size() == 3);

        String victim = podsPerNode(Set.of()).keySet().iterator().next();
        long agent = kubeLite.pid("node-agent-" + victim.substring("node-".length()));
        long killed = System.nanoTime();
        ProcessHandle.of(agent).ifPresent(ProcessHandle::destroyForcibly);
        KubeLite.awaitExit(agent);

        await(RECOVERY_LIMIT.plusSeconds(10), "6 pods Running on the remaining nodes",
                () -> podsPerNode(Set.of(victim)).values().stream().mapToLong(Long::longValue).sum() == REPLICAS);
        Duration took = Duration.ofNanos(System.nanoTime() - killed);

        System.out.printf("All %d replicas Running elsewhere %d ms after %s was killed: %s%n", REPLICAS,
                took.toMillis(), victim, podsPerNode(Set.of(victim)));
        assertThat(took).isLessThanOrEqualTo(RECOVERY_LIMIT);
        assertThat(podsPerNode(Set.of(victim))).doesNotContainKey(victim).hasSize(2);
        JsonNode node = api.getJson("/api/v1/nodes/" + victim);
        assertThat(node.at("/spec/taints/0/key").asString()).isEqualTo("node.kubernetes.io/unreachable");
    }

    static String deployment(String name, int replicas, String cpu) {
        return """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%1$s"},
                 "spec":{"replicas":%2$d,"selector":{"matchLabels":{"app":"%1$s"}},
                  "template":{"metadata":{"labels":{"app":"%1$s"}},
                   "spec":{"containers":[{"name":"main","image":"kubelite/busybox:1","command":["sleep","3600"],
                    "resources":{"requests":{"cpu":"%3$s","memory":"64Mi"}}}]}}}}"""
                .formatted(name, replicas, cpu);
    }

    /**
     * How many pods serve on each node: not being deleted, Running and ready, on a node other than those given
     * (the dead ones).
     */
    private static Map<String, Long> podsPerNode(Set<String> deadNodes) throws Exception {
        List<JsonNode> pods = api.getJson(PODS).path("items").valueStream().toList();
        return pods.stream()
                .filter(pod -> !pod.path("metadata").hasNonNull("deletionTimestamp"))
                .filter(pod -> "Running".equals(pod.at("/status/phase").asString()))
                .filter(NodeFailureEndToEndTest::ready)
                .map(pod -> pod.at("/spec/nodeName").asString(""))
                .filter(node -> !node.isEmpty() && !deadNodes.contains(node))
                .collect(Collectors.groupingBy(node -> node, TreeMap::new, Collectors.counting()));
    }

    private static boolean ready(JsonNode pod) {
        return pod.at("/status/conditions").valueStream().anyMatch(condition ->
                "Ready".equals(condition.path("type").asString()) && "True".equals(condition.path("status").asString()));
    }

    private static void await(Duration limit, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
            }
            Thread.sleep(100);
        }
    }
}
