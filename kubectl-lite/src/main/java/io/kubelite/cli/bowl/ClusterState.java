package io.kubelite.cli.bowl;

import io.kubelite.cli.api.WatchEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The nodes and pods as the watches last reported them. Written by the watch threads, read by the drawing one.
 */
public final class ClusterState {

    private final Map<String, JsonNode> nodes = new TreeMap<>();
    private final Map<String, JsonNode> pods = new TreeMap<>();

    public synchronized void applyNode(WatchEvent event) {
        apply(nodes, event, event.object().path("metadata").path("name").asString(""));
    }

    public synchronized void applyPod(WatchEvent event) {
        JsonNode metadata = event.object().path("metadata");
        apply(pods, event, metadata.path("namespace").asString("") + "/" + metadata.path("name").asString(""));
    }

    public synchronized void replaceNodes(Collection<? extends JsonNode> items) {
        nodes.clear();
        items.forEach(node -> nodes.put(node.path("metadata").path("name").asString(""), node));
    }

    public synchronized void replacePods(Collection<? extends JsonNode> items) {
        pods.clear();
        items.forEach(pod -> pods.put(pod.path("metadata").path("namespace").asString("") + "/"
                + pod.path("metadata").path("name").asString(""), pod));
    }

    /** The nodes in name order. */
    public synchronized List<JsonNode> nodes() {
        return new ArrayList<>(nodes.values());
    }

    public synchronized List<JsonNode> pods() {
        return new ArrayList<>(pods.values());
    }

    /** Each node as a pin, in name order: its state and the pods it runs. */
    public synchronized List<Pin> pins(Predicate<JsonNode> agentStopped) {
        List<JsonNode> byName = new ArrayList<>(nodes.values());
        List<Pin> pins = new ArrayList<>(byName.size());
        for (int i = 0; i < byName.size(); i++) {
            JsonNode node = byName.get(i);
            String name = node.path("metadata").path("name").asString("");
            PinState state = !isReady(node) ? PinState.FALLEN
                    : agentStopped.test(node) ? PinState.WOBBLING : PinState.STANDING;
            int running = (int) pods.values().stream().filter(pod -> runsOn(pod, name)).count();
            pins.add(new Pin(PinKeys.keyOf(i), name, state, running));
        }
        return pins;
    }

    /** Pods not bound to a node yet. */
    public synchronized int waiting() {
        return (int) pods.values().stream().filter(ClusterState::isWaiting).count();
    }

    /** Pods being deleted. */
    public synchronized int leaving() {
        return (int) pods.values().stream().filter(ClusterState::isLeaving).count();
    }

    private static void apply(Map<String, JsonNode> objects, WatchEvent event, String key) {
        switch (event.type()) {
            case "ADDED", "MODIFIED" -> objects.put(key, event.object());
            case "DELETED" -> objects.remove(key);
            default -> { } // BOOKMARK carries no object; ERROR is handled by the watch loop
        }
    }

    /** {@code Ready=True}. A node without a Ready condition has never been reported ready. */
    public static boolean isReady(JsonNode node) {
        for (JsonNode condition : node.path("status").path("conditions")) {
            if ("Ready".equals(condition.path("type").asString(""))) {
                return "True".equals(condition.path("status").asString(""));
            }
        }
        return false;
    }

    /** Bound to a node, not being deleted, not finished: a pod the node runs. */
    public static boolean runsOn(JsonNode pod, String node) {
        return node.equals(pod.path("spec").path("nodeName").asString("")) && !isLeaving(pod) && !isFinished(pod);
    }

    /** Not bound yet (and still wanted): the scheduler has still to place it. */
    public static boolean isWaiting(JsonNode pod) {
        return pod.path("spec").path("nodeName").asString("").isEmpty() && !isLeaving(pod) && !isFinished(pod);
    }

    public static boolean isLeaving(JsonNode pod) {
        return !pod.path("metadata").path("deletionTimestamp").isMissingNode()
                && !pod.path("metadata").path("deletionTimestamp").isNull();
    }

    private static boolean isFinished(JsonNode pod) {
        String phase = pod.path("status").path("phase").asString("");
        return phase.equals("Succeeded") || phase.equals("Failed");
    }
}
