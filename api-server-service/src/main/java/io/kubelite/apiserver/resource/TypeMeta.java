package io.kubelite.apiserver.resource;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code apiVersion} and {@code kind} of objects going in and out of the API. */
public final class TypeMeta {

    private TypeMeta() { }

    /**
     * A copy of the object with apiVersion and kind first. The original is never changed: the store
     * may hand the same instance to several watchers at once.
     */
    public static ObjectNode withTypeMeta(String apiVersion, String kind, ObjectNode object) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("apiVersion", apiVersion);
        out.put("kind", kind);
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!field.getKey().equals("apiVersion") && !field.getKey().equals("kind")) {
                out.set(field.getKey(), field.getValue());
            }
        }
        return out;
    }

    public static ObjectNode withTypeMeta(ResourceKind kind, ObjectNode object) {
        return withTypeMeta(kind.apiVersion(), kind.kind(), object);
    }

    /**
     * Checks that a body's apiVersion and kind, when given, are what the path serves, and fills them
     * in when absent.
     */
    public static void requireMatching(String apiVersion, String kind, ObjectNode body) {
        String givenVersion = ObjectFields.text(body, "apiVersion");
        String givenKind = ObjectFields.text(body, "kind");
        if (!givenVersion.isEmpty() && !givenVersion.equals(apiVersion)) {
            throw StatusException.badRequest("the API version in the data (" + givenVersion
                    + ") does not match the expected API version (" + apiVersion + ")");
        }
        if (!givenKind.isEmpty() && !givenKind.equals(kind)) {
            throw StatusException.badRequest("the kind in the data (" + givenKind
                    + ") does not match the expected kind (" + kind + ")");
        }
        body.put("apiVersion", apiVersion);
        body.put("kind", kind);
    }

    public static void requireMatching(ResourceKind kind, ObjectNode body) {
        requireMatching(kind.apiVersion(), kind.kind(), body);
    }
}
