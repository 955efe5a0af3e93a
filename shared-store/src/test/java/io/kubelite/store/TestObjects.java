package io.kubelite.store;

import io.kubelite.model.Json;
import tools.jackson.databind.node.ObjectNode;

/** Minimal valid objects for store tests. */
final class TestObjects {

    private TestObjects() { }

    static ObjectNode pod(String namespace, String name) {
        ObjectNode pod = Json.MAPPER.createObjectNode();
        ObjectNode metadata = pod.putObject("metadata");
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        ObjectNode container = pod.putObject("spec").putArray("containers").addObject();
        container.put("name", "main");
        container.put("image", "busybox:1");
        return pod;
    }

    static ObjectNode namespace(String name) {
        ObjectNode namespace = Json.MAPPER.createObjectNode();
        namespace.putObject("metadata").put("name", name);
        return namespace;
    }

    static ObjectNode labeled(ObjectNode object, String key, String value) {
        ((ObjectNode) object.get("metadata")).withObjectProperty("labels").put(key, value);
        return object;
    }

    static String rv(ObjectNode object) {
        return object.path("metadata").path("resourceVersion").asString();
    }

    static long revision(ObjectNode object) {
        return Long.parseLong(rv(object));
    }

    static String meta(ObjectNode object, String field) {
        return object.path("metadata").path(field).asString("");
    }
}
