package io.kubelite.agent.node;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.model.core.NodeCondition;
import io.kubelite.model.core.NodeStatus;
import io.kubelite.store.ListOptions;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates or updates the Node objects this agent hosts, and marks them not ready when it stops. The nodes are
 * written concurrently, so that the store commits their writes in groups: a thousand virtual nodes register in
 * about as many transactions as a handful.
 */
public final class NodeRegistrar {

    private static final Logger log = LoggerFactory.getLogger(NodeRegistrar.class);
    private static final int PARALLELISM = 32;
    private static final int MAX_ATTEMPTS = 5;

    private final ObjectStore store;
    private final NodeTemplate template;
    private final Clock clock;

    public NodeRegistrar(ObjectStore store, NodeTemplate template, Clock clock) {
        this.store = store;
        this.template = template;
        this.clock = clock;
    }

    /**
     * Creates the nodes that do not exist and brings the others' labels and status up to date; {@code port} is
     * where this agent serves container logs. Returns how long it took.
     */
    public Duration registerAll(List<String> nodeNames, int port) {
        long started = System.nanoTime();
        Map<String, ObjectNode> existing = store.list(ResourceKind.NODE, ListOptions.all()).items().stream()
                .collect(Collectors.toMap(n -> n.path("metadata").path("name").asString(), Function.identity()));
        long created = nodeNames.stream().filter(name -> !existing.containsKey(name)).count();
        forEach(nodeNames, name -> register(name, existing.get(name), port));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("Registered {} nodes ({} new) in {} ms: {}", nodeNames.size(), created, took.toMillis(),
                describe(nodeNames));
        return took;
    }

    /**
     * Registers again each node that is no longer Ready or no longer exists: the node lifecycle controller marks a
     * node whose heartbeat stopped {@code Ready=Unknown}, and an agent that was only paused (not restarted) must
     * say it is back, as the kubelet's periodic node status does. One list of the nodes per call.
     */
    public void reassertReady(List<String> nodeNames, int port) {
        Map<String, ObjectNode> existing = store.list(ResourceKind.NODE, ListOptions.all()).items().stream()
                .collect(Collectors.toMap(n -> n.path("metadata").path("name").asString(), Function.identity()));
        List<String> notReady = nodeNames.stream().filter(name -> !existing.containsKey(name)
                || !"True".equals(readyCondition(existing.get(name)).path("status").asString())).toList();
        if (notReady.isEmpty()) {
            return;
        }
        forEach(notReady, name -> register(name, existing.get(name), port));
        log.info("Reported {} Ready again", describe(notReady));
    }

    /** Sets {@code Ready=False} on every node, as a clean shutdown does. */
    public void markNotReady(List<String> nodeNames) {
        forEach(nodeNames, this::markNotReady);
        log.info("Marked {} not ready: the node agent stopped", describe(nodeNames));
    }

    private void register(String name, ObjectNode existing, int port) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                if (existing == null) {
                    store.create(ResourceKind.NODE, Json.MAPPER.valueToTree(template.node(name, clock.instant(), port)),
                            WriteOptions.NONE);
                } else {
                    update(name, existing, port);
                }
                return;
            } catch (StatusException e) {
                if (e.code() != 409 || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                existing = find(name);
            }
        }
    }

    private void update(String name, ObjectNode existing, int port) {
        ObjectNode node = existing.deepCopy();
        ObjectNode metadata = (ObjectNode) node.get("metadata");
        ObjectNode labels = metadata.get("labels") instanceof ObjectNode l ? l : metadata.putObject("labels");
        boolean labelsChanged = false;
        for (Map.Entry<String, String> label : template.labels(name).entrySet()) {
            if (!label.getValue().equals(labels.path(label.getKey()).asString(null))) {
                labels.put(label.getKey(), label.getValue());
                labelsChanged = true;
            }
        }
        if (labelsChanged) {
            node = store.update(ResourceKind.NODE, node, WriteOptions.NONE);
        }
        Instant now = clock.instant();
        JsonNode ready = readyCondition(node);
        Instant readySince = "True".equals(ready.path("status").asString()) && ready.hasNonNull("lastTransitionTime")
                ? Instant.parse(ready.path("lastTransitionTime").asString()) : now;
        NodeStatus status = template.readyStatus(name, now, readySince, port);
        node.set("status", Json.MAPPER.valueToTree(status));
        store.updateStatus(ResourceKind.NODE, node, WriteOptions.NONE);
    }

    private void markNotReady(String name) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ObjectNode node = find(name);
            if (node == null) {
                return;
            }
            ObjectNode status = node.get("status") instanceof ObjectNode s ? s : node.putObject("status");
            NodeCondition stopped = NodeTemplate.stopped(clock.instant());
            ArrayNode conditions = status.putArray("conditions");
            for (JsonNode condition : node.path("status").path("conditions")) {
                if (!NodeTemplate.READY.equals(condition.path("type").asString())) {
                    conditions.add(condition);
                }
            }
            conditions.add(Json.MAPPER.valueToTree(stopped));
            try {
                store.updateStatus(ResourceKind.NODE, node, WriteOptions.NONE);
                return;
            } catch (StatusException e) {
                if (e.code() != 409) {
                    throw e;
                }
            }
        }
    }

    private ObjectNode find(String name) {
        try {
            return store.get(ResourceKind.NODE, null, name);
        } catch (StatusException e) {
            if (e.code() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static JsonNode readyCondition(ObjectNode node) {
        for (JsonNode condition : node.path("status").path("conditions")) {
            if (NodeTemplate.READY.equals(condition.path("type").asString())) {
                return condition;
            }
        }
        return node.missingNode();
    }

    /** Runs the action for every node on a few threads and waits; the first failure is rethrown. */
    private static void forEach(List<String> nodeNames, Consumer<String> action) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLELISM, Math.max(1, nodeNames.size())));
        try {
            List<CompletableFuture<Void>> writes = new ArrayList<>(nodeNames.size());
            for (String name : nodeNames) {
                writes.add(CompletableFuture.runAsync(() -> action.accept(name), pool));
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
    }

    private static String describe(List<String> nodeNames) {
        return nodeNames.size() <= 3 ? String.join(", ", nodeNames)
                : nodeNames.get(0) + " ... " + nodeNames.get(nodeNames.size() - 1);
    }
}
