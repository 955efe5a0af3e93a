package io.kubelite.benchmarks.recovery;

import io.kubelite.benchmarks.api.ApiClient;
import io.kubelite.benchmarks.api.LatencySummary;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Node failure recovery of a running kube-lite started by {@code deploy/kube-lite up}: a Deployment's pods spread over
 * the nodes; each trial SIGKILLs the agent of the node hosting the most of them and measures the time from the kill
 * to all replicas Running and ready on the other nodes (pods being deleted not counted), then starts the agent again
 * with {@code deploy/kube-lite up} and waits for the cluster to settle before the next trial.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks-0.1.0.jar io.kubelite.benchmarks.recovery.NodeRecoveryBenchmark \
 *     --server http://localhost:8080 --home ~/.kube-lite --kube-lite deploy/kube-lite [--trials 10] [--replicas 6]
 * </pre>
 * The environment must be the one {@code up} was run with (ports, {@code KUBELITE_HOME}, {@code KUBELITE_NODES}).
 */
public final class NodeRecoveryBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
    private static final String PODS = "/api/v1/namespaces/default/pods";
    private static final String NAME = "recovery";
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(120);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);
    private static final String USAGE = "usage: NodeRecoveryBenchmark --server URL --home KUBELITE_HOME "
            + "--kube-lite PATH [--trials 10] [--replicas 6] [--cpu 500m]";

    private final ApiClient api;
    private final Path home;
    private final Path kubeLite;
    private final int trials;
    private final int replicas;
    private final String cpu;

    private NodeRecoveryBenchmark(Map<String, String> options) {
        this.api = new ApiClient(URI.create(required(options, "server")));
        this.home = Path.of(required(options, "home"));
        this.kubeLite = Path.of(required(options, "kube-lite"));
        this.trials = Integer.parseInt(options.getOrDefault("trials", "10"));
        this.replicas = Integer.parseInt(options.getOrDefault("replicas", "6"));
        this.cpu = options.getOrDefault("cpu", "500m");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                System.err.println(USAGE);
                System.exit(2);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        try {
            new NodeRecoveryBenchmark(options).run();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    private void run() throws Exception {
        HttpResponse<String> created = api.post(DEPLOYMENTS, deployment());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating the Deployment answered " + created.statusCode() + ": "
                    + created.body());
        }
        settle();
        long[] recoveries = new long[trials];
        for (int trial = 0; trial < trials; trial++) {
            recoveries[trial] = trial();
            System.out.printf("trial %2d: %,6d ms%n", trial + 1, TimeUnit.NANOSECONDS.toMillis(recoveries[trial]));
            restartAgents();
            settle();
        }
        LatencySummary summary = LatencySummary.ofNanos(recoveries);
        System.out.printf("kill to %d replicas Running elsewhere, %d trials: p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms,"
                        + " mean %,.0f ms%n", replicas, trials, summary.p50Ms(), summary.p99Ms(), summary.maxMs(),
                summary.meanMs());
        api.delete(DEPLOYMENTS + "/" + NAME);
    }

    /** Kills the agent of the node with the most serving pods and returns how long until all serve elsewhere. */
    private long trial() throws Exception {
        String victim = servingPerNode(Set.of()).entrySet().stream().max(Map.Entry.comparingByValue())
                .orElseThrow().getKey();
        long pid = Long.parseLong(Files.readString(home.resolve("run")
                .resolve("node-agent-" + victim.substring("node-".length()) + ".pid")).trim());
        ProcessHandle agent = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
                "the agent of " + victim + " (pid " + pid + ") is not running"));
        long killed = System.nanoTime();
        agent.destroyForcibly();
        long deadline = killed + RECOVERY_LIMIT.toNanos();
        while (servingElsewhere(victim) < replicas) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(replicas + " replicas were not Running elsewhere "
                        + RECOVERY_LIMIT.toSeconds() + " s after " + victim + " was killed");
            }
            Thread.sleep(20);
        }
        return System.nanoTime() - killed;
    }

    private long servingElsewhere(String deadNode) throws Exception {
        return servingPerNode(Set.of(deadNode)).values().stream().mapToLong(Long::longValue).sum();
    }

    private void restartAgents() throws IOException, InterruptedException {
        Process up = new ProcessBuilder(kubeLite.toString(), "up").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!up.waitFor(5, TimeUnit.MINUTES) || up.exitValue() != 0) {
            throw new IllegalStateException("kube-lite up failed; see " + home.resolve("logs"));
        }
    }

    /** Waits until every node is Ready without taints and exactly the replicas exist, all serving. */
    private void settle() throws Exception {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        while (!settled()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the cluster did not settle in " + SETTLE_LIMIT.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }

    private boolean settled() throws Exception {
        List<JsonNode> nodes = items("/api/v1/nodes");
        boolean nodesReady = nodes.stream().allMatch(node -> condition(node, "Ready")
                && node.path("spec").path("taints").isEmpty());
        return nodesReady && items(PODS).size() == replicas
                && servingPerNode(Set.of()).values().stream().mapToLong(Long::longValue).sum() == replicas;
    }

    /** Pods not being deleted, Running and ready, per node, leaving out the given nodes. */
    private Map<String, Long> servingPerNode(Set<String> leftOut) throws Exception {
        Predicate<JsonNode> serving = pod -> !pod.path("metadata").hasNonNull("deletionTimestamp")
                && "Running".equals(pod.at("/status/phase").asString()) && condition(pod, "Ready");
        return items(PODS).stream().filter(serving).map(pod -> pod.at("/spec/nodeName").asString(""))
                .filter(node -> !node.isEmpty() && !leftOut.contains(node))
                .collect(Collectors.groupingBy(node -> node, TreeMap::new, Collectors.counting()));
    }

    private List<JsonNode> items(String path) throws Exception {
        HttpResponse<String> response = api.get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("items").valueStream()
                .sorted(Comparator.comparing(item -> item.at("/metadata/name").asString())).toList();
    }

    private static boolean condition(JsonNode object, String type) {
        return object.at("/status/conditions").valueStream().anyMatch(condition ->
                type.equals(condition.path("type").asString()) && "True".equals(condition.path("status").asString()));
    }

    private String deployment() {
        return """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%1$s"},
                 "spec":{"replicas":%2$d,"selector":{"matchLabels":{"app":"%1$s"}},
                  "template":{"metadata":{"labels":{"app":"%1$s"}},
                   "spec":{"containers":[{"name":"main","image":"kubelite/busybox:1","command":["sleep","3600"],
                    "resources":{"requests":{"cpu":"%3$s","memory":"64Mi"}}}]}}}}"""
                .formatted(NAME, replicas, cpu);
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
