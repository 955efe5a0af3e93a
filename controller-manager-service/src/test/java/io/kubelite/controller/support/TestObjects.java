package io.kubelite.controller.support;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** Objects for controller tests, and the status writes a node agent would make. */
public final class TestObjects {

    private TestObjects() { }

    public static ObjectNode replicaSet(String name, int replicas, Map<String, String> labels) {
        ObjectNode rs = Json.MAPPER.createObjectNode();
        rs.putObject("metadata").put("name", name);
        ObjectNode spec = rs.putObject("spec");
        spec.put("replicas", replicas);
        ObjectNode matchLabels = spec.putObject("selector").putObject("matchLabels");
        labels.forEach(matchLabels::put);
        ObjectNode template = spec.putObject("template");
        ObjectNode templateLabels = template.putObject("metadata").putObject("labels");
        labels.forEach(templateLabels::put);
        ObjectNode container = template.putObject("spec").putArray("containers").addObject();
        container.put("name", "app");
        container.put("image", "busybox:1");
        return rs;
    }

    public static ObjectNode pod(String name, Map<String, String> labels) {
        ObjectNode pod = Json.MAPPER.createObjectNode();
        ObjectNode metadata = pod.putObject("metadata");
        metadata.put("name", name);
        labels.forEach(metadata.putObject("labels")::put);
        ObjectNode container = pod.putObject("spec").putArray("containers").addObject();
        container.put("name", "app");
        container.put("image", "busybox:1");
        return pod;
    }

    /** Sets the pod's phase and Ready condition (since {@code readySince}) as its node agent would. */
    public static ObjectNode setStatus(ObjectStore store, ObjectNode pod, String phase, boolean ready,
                                       Instant readySince) {
        ObjectNode next = store.get(ResourceKind.POD, "default", pod.path("metadata").path("name").asString()).deepCopy();
        ObjectNode status = next.putObject("status");
        status.put("phase", phase);
        ObjectNode condition = status.putArray("conditions").addObject();
        condition.put("type", "Ready");
        condition.put("status", ready ? "True" : "False");
        condition.put("lastTransitionTime",
                DateTimeFormatter.ISO_INSTANT.format(readySince.truncatedTo(ChronoUnit.SECONDS)));
        return store.updateStatus(ResourceKind.POD, next, WriteOptions.NONE);
    }
}
