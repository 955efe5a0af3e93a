package io.kubelite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The tour a user takes, through {@code deploy/kube-lite up} with three Docker-backed nodes and kubectl-lite alone:
 * a Deployment applied from a YAML file runs as real containers, scales, rolls out a changed template, comes back
 * on the other nodes when a node agent is SIGKILLed, and is still there and converged after {@code down} and
 * {@code up}. Each step prints how long it took.
 */
class DeploymentEndToEndTest {

    private static final String DEPLOYMENT = "deployment/web";
    private static final Duration STEP_LIMIT = Duration.ofSeconds(60);
    /** Node grace period (10 s) + default toleration (5 s) + replacements scheduled and started. */
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(40);

    /** Every pod uid seen, so that no container of this test outlives it. */
    private static final Set<String> SEEN_POD_UIDS = new TreeSet<>();

    private static KubeLite kubeLite;
    private static Kubectl kubectl;

    @BeforeAll
    static void up() throws Exception {
        long started = System.nanoTime();
        kubeLite = KubeLite.up("docker", 3);
        kubectl = kubeLite.kubectl();
        report("deploy/kube-lite up (3 docker nodes)", started);
    }

    @AfterAll
    static void down() throws Exception {
        if (kubeLite == null) {
            return;
        }
        try {
            kubeLite.close();
        } finally {
            List<String> left = new ArrayList<>();
            for (String uid : SEEN_POD_UIDS) {
                left.addAll(Docker.containersOf(uid));
            }
            if (!left.isEmpty()) {
                System.out.println("[e2e] removing containers left behind: " + left);
                Docker.remove(left);
            }
        }
    }

    @Test
    void aDeploymentAppliedWithTheCliRunsScalesRollsOutSurvivesAKilledNodeAndARestart() throws Exception {
        Path manifest = kubeLite.home.resolve("web.yaml");

        long step = System.nanoTime();
        Files.writeString(manifest, deployment(3, "one"));
        assertThat(kubectl.run("apply", "-f", manifest.toString())).contains("deployment.apps/web created");
        awaitServing(3, STEP_LIMIT, "");
        report("apply: 3 pods Running as containers", step);

        step = System.nanoTime();
        assertThat(kubectl.run("scale", DEPLOYMENT, "--replicas=5")).contains("deployment.apps/web scaled");
        awaitServing(5, STEP_LIMIT, "");
        report("scale to 5: 5 pods Running", step);

        step = System.nanoTime();
        Files.writeString(manifest, deployment(5, "two"));
        assertThat(kubectl.run("apply", "-f", manifest.toString())).contains("deployment.apps/web configured");
        assertThat(kubectl.run("rollout", "status", DEPLOYMENT, "--timeout=90s"))
                .contains("deployment \"web\" successfully rolled out");
        List<JsonNode> rolledOut = awaitServing(5, STEP_LIMIT, "");
        String newReplicaSet = assertAllOnRevision2(rolledOut);
        report("rollout of a changed template", step);

        String victim = busiestNode(rolledOut);
        long agent = kubeLite.pid("node-agent-" + victim.substring("node-".length()));
        step = System.nanoTime();
        ProcessHandle.of(agent).ifPresent(ProcessHandle::destroyForcibly);
        KubeLite.awaitExit(agent);
        List<JsonNode> recovered = awaitServing(5, RECOVERY_LIMIT, victim);
        report("SIGKILL of " + victim + "'s agent: 5 pods Running on the others " + perNode(recovered), step);
        assertThat(readyStatus(victim)).isEqualTo("Unknown");
        assertAllOnRevision2(recovered);

        String deploymentUid = kubectl.json("get", DEPLOYMENT).at("/metadata/uid").asString();
        Set<String> podsBeforeRestart = uids(recovered);
        step = System.nanoTime();
        kubeLite.run("down");
        report("deploy/kube-lite down", step);
        step = System.nanoTime();
        kubeLite.run("up");
        report("deploy/kube-lite up again", step);
        step = System.nanoTime();
        JsonNode deployment = kubectl.json("get", DEPLOYMENT);
        assertThat(deployment.at("/metadata/uid").asString()).isEqualTo(deploymentUid);
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(5);
        assertThat(kubectl.run("rollout", "status", DEPLOYMENT, "--timeout=90s"))
                .contains("deployment \"web\" successfully rolled out");
        assertThat(kubectl.json("get", DEPLOYMENT).at("/status/availableReplicas").asInt()).isEqualTo(5);
        List<JsonNode> afterRestart = awaitServing(5, STEP_LIMIT, "");
        assertThat(assertAllOnRevision2(afterRestart)).isEqualTo(newReplicaSet);
        Set<String> kept = new TreeSet<>(uids(afterRestart));
        kept.retainAll(podsBeforeRestart);
        report("after up: converged, " + kept.size() + " of 5 pods the same as before down " + perNode(afterRestart),
                step);

        step = System.nanoTime();
        assertThat(kubectl.run("delete", DEPLOYMENT)).contains("deployment.apps \"web\" deleted");
        awaitNoContainers();
        report("delete: every pod and container gone", step);
    }

    private static String deployment(int replicas, String version) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: %d
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      terminationGracePeriodSeconds: 2
                      containers:
                      - name: main
                        image: kubelite/busybox:1
                        command: ["sleep", "3600"]
                        env:
                        - name: VERSION
                          value: "%s"
                        resources:
                          requests: {cpu: 10m, memory: 16Mi}
                          limits: {memory: 32Mi}
                """.formatted(replicas, version);
    }

    /**
     * Waits until exactly {@code count} pods of the Deployment exist (not being deleted) and all of them serve: Running,
     * ready, a {@code docker://} container that the Docker engine shows running, on a node other than
     * {@code deadNode}. Returns them.
     */
    private static List<JsonNode> awaitServing(int count, Duration limit, String deadNode) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        List<JsonNode> pods = List.of();
        while (System.nanoTime() < deadline) {
            pods = kubectl.json("get", "pods", "-l", "app=web").path("items").valueStream()
                    .filter(pod -> !pod.path("metadata").hasNonNull("deletionTimestamp")).toList();
            SEEN_POD_UIDS.addAll(uids(pods));
            if (pods.size() == count && pods.stream().allMatch(pod -> serving(pod, deadNode)) && allRunInDocker(pods)) {
                return pods;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("waited " + limit.toSeconds() + " s for " + count + " pods serving"
                + (deadNode.isEmpty() ? "" : " off " + deadNode) + "; last seen: " + describe(pods));
    }

    private static boolean serving(JsonNode pod, String deadNode) {
        return "Running".equals(pod.at("/status/phase").asString(""))
                && pod.at("/status/containerStatuses/0/ready").asBoolean(false)
                && pod.at("/status/containerStatuses/0/containerID").asString("").startsWith("docker://")
                && !pod.at("/spec/nodeName").asString("").isEmpty()
                && !pod.at("/spec/nodeName").asString("").equals(deadNode);
    }

    private static boolean allRunInDocker(List<JsonNode> pods) throws Exception {
        for (JsonNode pod : pods) {
            if (Docker.runningContainersOf(pod.at("/metadata/uid").asString()).size() != 1) {
                return false;
            }
        }
        return true;
    }

    /** Checks every pod runs the changed template of the ReplicaSet at revision 2, the old one scaled to 0; its name. */
    private static String assertAllOnRevision2(List<JsonNode> pods) throws Exception {
        List<JsonNode> replicaSets = kubectl.json("get", "replicasets", "-l", "app=web").path("items").valueStream()
                .toList();
        assertThat(replicaSets).hasSize(2);
        JsonNode current = replicaSets.stream()
                .filter(rs -> "2".equals(rs.at("/metadata/annotations/deployment.kubernetes.io~1revision").asString("")))
                .findFirst().orElseThrow(() -> new AssertionError("no ReplicaSet at revision 2: " + replicaSets));
        String hash = current.at("/metadata/labels/pod-template-hash").asString();
        for (JsonNode pod : pods) {
            assertThat(pod.at("/metadata/labels/pod-template-hash").asString()).as(name(pod)).isEqualTo(hash);
            assertThat(pod.at("/spec/containers/0/env/0/value").asString()).as(name(pod)).isEqualTo("two");
        }
        replicaSets.stream().filter(rs -> rs != current)
                .forEach(old -> assertThat(old.at("/spec/replicas").asInt()).isZero());
        return current.at("/metadata/name").asString();
    }

    private static String readyStatus(String node) throws Exception {
        return kubectl.json("get", "node", node).at("/status/conditions").valueStream()
                .filter(condition -> "Ready".equals(condition.path("type").asString()))
                .map(condition -> condition.path("status").asString()).findFirst().orElse("");
    }

    private static void awaitNoContainers() throws Exception {
        long deadline = System.nanoTime() + STEP_LIMIT.toNanos();
        List<String> left = List.of();
        while (System.nanoTime() < deadline) {
            boolean podsGone = kubectl.json("get", "pods", "-l", "app=web").path("items").isEmpty();
            left = new ArrayList<>();
            for (String uid : SEEN_POD_UIDS) {
                left.addAll(Docker.containersOf(uid));
            }
            if (podsGone && left.isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("waited " + STEP_LIMIT.toSeconds() + " s for every pod and container of web to go;"
                + " containers left: " + left);
    }

    private static String busiestNode(List<JsonNode> pods) {
        return perNode(pods).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static Map<String, Long> perNode(List<JsonNode> pods) {
        return pods.stream().collect(Collectors.groupingBy(pod -> pod.at("/spec/nodeName").asString(""),
                TreeMap::new, Collectors.counting()));
    }

    private static Set<String> uids(List<JsonNode> pods) {
        return pods.stream().map(pod -> pod.at("/metadata/uid").asString()).collect(Collectors.toSet());
    }

    private static String name(JsonNode pod) {
        return pod.at("/metadata/name").asString();
    }

    private static String describe(List<JsonNode> pods) {
        return pods.stream().map(pod -> name(pod) + " " + pod.at("/spec/nodeName").asString("-") + " "
                + pod.at("/status/phase").asString("-")).toList().toString();
    }

    private static void report(String what, long startedNanos) {
        System.out.printf("[e2e] %-90s %6d ms%n", what, Duration.ofNanos(System.nanoTime() - startedNanos).toMillis());
    }
}
