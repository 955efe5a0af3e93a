package io.kubelite.agent;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Pods bound to a node, written as a user (and the scheduler) would leave them, and readings of their status. */
public final class TestPods {

    private TestPods() { }

    /** A pod of one container with these requests (null for none), already bound to the node. */
    public static ObjectNode pod(String name, String node, String cpu, String memory) {
        ObjectNode pod = Json.MAPPER.createObjectNode();
        pod.put("apiVersion", "v1").put("kind", "Pod");
        pod.putObject("metadata").put("name", name).put("namespace", "default");
        ObjectNode spec = pod.putObject("spec");
        spec.put("nodeName", node);
        ObjectNode container = spec.putArray("containers").addObject();
        container.put("name", "app").put("image", "kubelite/busybox:1");
        if (cpu != null || memory != null) {
            ObjectNode requests = container.putObject("resources").putObject("requests");
            if (cpu != null) {
                requests.put("cpu", cpu);
            }
            if (memory != null) {
                requests.put("memory", memory);
            }
        }
        return pod;
    }

    public static ObjectNode container(ObjectNode pod) {
        return (ObjectNode) pod.get("spec").get("containers").get(0);
    }

    public static ObjectNode withCommand(ObjectNode pod, List<String> command) {
        ArrayNode array = container(pod).putArray("command");
        command.forEach(array::add);
        return pod;
    }

    public static ObjectNode create(ObjectStore store, ObjectNode pod) {
        return store.create(ResourceKind.POD, pod, WriteOptions.NONE);
    }

    /** The pod as stored now, or null when it is gone. */
    public static ObjectNode get(ObjectStore store, String name) {
        try {
            return store.get(ResourceKind.POD, "default", name);
        } catch (StatusException e) {
            if (e.code() == 404) {
                return null;
            }
            throw e;
        }
    }

    public static String phase(ObjectNode pod) {
        return pod.path("status").path("phase").asString("");
    }

    public static JsonNode condition(JsonNode object, String type) {
        for (JsonNode condition : object.path("status").path("conditions")) {
            if (type.equals(condition.path("type").asString())) {
                return condition;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    public static JsonNode containerStatus(ObjectNode pod) {
        return pod.path("status").path("containerStatuses").path(0);
    }
}
