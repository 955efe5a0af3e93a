package io.kubelite.store.postgres;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading and writing the metadata fields the store owns. */
final class ObjectMetadata {

    private ObjectMetadata() { }

    /** The object's metadata, created empty when missing or not an object. */
    static ObjectNode of(ObjectNode object) {
        JsonNode metadata = object.get("metadata");
        return metadata instanceof ObjectNode existing ? existing : object.putObject("metadata");
    }

    static String text(ObjectNode object, String field) {
        return object.path("metadata").path(field).asString("");
    }

    static ObjectNode withVersion(ObjectNode object, long version) {
        of(object).put("resourceVersion", Long.toString(version));
        return object;
    }

    /**
     * Sets a number the way parsing JSON would read it back (an int when it fits), so that an object
     * compares equal to its stored form.
     */
    static void putNumber(ObjectNode object, String field, long value) {
        if (value == (int) value) {
            of(object).put(field, (int) value);
        } else {
            of(object).put(field, value);
        }
    }

    static boolean hasFinalizers(ObjectNode object) {
        JsonNode finalizers = object.path("metadata").path("finalizers");
        return finalizers.isArray() && !finalizers.isEmpty();
    }

    static boolean isMarkedForDeletion(ObjectNode object) {
        return !text(object, "deletionTimestamp").isEmpty();
    }

    static long deletionGracePeriodSeconds(ObjectNode object) {
        return object.path("metadata").path("deletionGracePeriodSeconds").asLong(0);
    }

    /** Copies {@code field} of {@code from}'s metadata into {@code to}'s, or removes it when absent. */
    static void copyField(ObjectNode from, ObjectNode to, String field) {
        JsonNode value = from.path("metadata").get(field);
        if (value == null) {
            of(to).remove(field);
        } else {
            of(to).set(field, value.deepCopy());
        }
    }
}
