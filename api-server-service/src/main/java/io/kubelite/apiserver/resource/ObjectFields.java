package io.kubelite.apiserver.resource;

import io.kubelite.model.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading and writing the few fields of an object's JSON form the API server itself looks at. */
public final class ObjectFields {

    private ObjectFields() { }

    /** The string value of a field, or "" when it is absent or not a string. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : "";
    }

    /** The object's {@code metadata}, created when absent. */
    public static ObjectNode metadata(ObjectNode object) {
        JsonNode metadata = object.get("metadata");
        if (metadata instanceof ObjectNode existing) {
            return existing;
        }
        ObjectNode created = Json.MAPPER.createObjectNode();
        object.set("metadata", created);
        return created;
    }

    public static String name(ObjectNode object) {
        return text(object.path("metadata"), "name");
    }

    public static String namespace(ObjectNode object) {
        return text(object.path("metadata"), "namespace");
    }

    public static String resourceVersion(ObjectNode object) {
        return text(object.path("metadata"), "resourceVersion");
    }
}
