package io.kubelite.controller.owner;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading the {@code metadata} of objects held as JSON, as the informers hold them. */
public final class Metadata {

    private Metadata() { }

    public static String name(JsonNode object) {
        return object.path("metadata").path("name").asString("");
    }

    public static String namespace(JsonNode object) {
        return object.path("metadata").path("namespace").asString("");
    }

    public static String uid(JsonNode object) {
        return object.path("metadata").path("uid").asString("");
    }

    public static long generation(JsonNode object) {
        return object.path("metadata").path("generation").asLong(0);
    }

    /** Whether the object has a {@code deletionTimestamp}: it is going, only waiting for finalizers or a grace period. */
    public static boolean isBeingDeleted(JsonNode object) {
        return !object.path("metadata").path("deletionTimestamp").asString("").isEmpty();
    }

    public static Map<String, String> labels(JsonNode object) {
        Map<String, String> labels = new LinkedHashMap<>();
        object.path("metadata").path("labels").properties()
                .forEach(entry -> labels.put(entry.getKey(), entry.getValue().asString("")));
        return labels;
    }

    public static List<String> finalizers(JsonNode object) {
        List<String> finalizers = new ArrayList<>();
        object.path("metadata").path("finalizers").forEach(f -> finalizers.add(f.asString("")));
        return finalizers;
    }

    public static boolean hasFinalizer(JsonNode object, String finalizer) {
        return finalizers(object).contains(finalizer);
    }

    /** A copy of the object without that finalizer. */
    public static ObjectNode withoutFinalizer(ObjectNode object, String finalizer) {
        ObjectNode copy = object.deepCopy();
        ObjectNode metadata = (ObjectNode) copy.get("metadata");
        ArrayNode kept = metadata.arrayNode();
        finalizers(object).stream().filter(f -> !f.equals(finalizer)).forEach(kept::add);
        if (kept.isEmpty()) {
            metadata.remove("finalizers");
        } else {
            metadata.set("finalizers", kept);
        }
        return copy;
    }

    /** A timestamp field as an instant; empty when absent or malformed. */
    public static Optional<Instant> instant(JsonNode value) {
        String text = value == null ? "" : value.asString("");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
