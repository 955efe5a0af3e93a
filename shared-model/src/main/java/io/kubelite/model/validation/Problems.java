package io.kubelite.model.validation;

import io.kubelite.model.Status;
import io.kubelite.model.quantity.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The causes found while validating one object, and typed reads of its JSON form that report a field of the
 * wrong JSON type as a cause instead of failing.
 */
final class Problems {

    private final List<Status.Cause> causes = new ArrayList<>();

    List<Status.Cause> causes() {
        return List.copyOf(causes);
    }

    void add(Status.Cause cause) {
        causes.add(cause);
    }

    void invalid(String path, Object value, String detail) {
        causes.add(Status.Cause.invalid(path, value, detail));
    }

    void required(String path, String detail) {
        causes.add(Status.Cause.required(path, detail));
    }

    void notSupported(String path, Object value, List<String> supported) {
        causes.add(Status.Cause.notSupported(path, value, supported));
    }

    void forbidden(String path, String detail) {
        causes.add(Status.Cause.forbidden(path, detail));
    }

    /** Adds each message as an Invalid cause for the value. */
    void invalidEach(String path, Object value, List<String> messages) {
        messages.forEach(m -> invalid(path, value, m));
    }

    /** The child object, or null when absent; a non-object is reported. */
    ObjectNode object(JsonNode parent, String name, String path) {
        JsonNode node = present(parent, name);
        if (node == null) {
            return null;
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        invalid(path, node.toString(), "must be an object");
        return null;
    }

    /** The objects of a child array (empty when absent); non-objects are reported and skipped. */
    List<ObjectNode> objects(JsonNode parent, String name, String path) {
        List<JsonNode> items = array(parent, name, path);
        List<ObjectNode> objects = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof ObjectNode object) {
                objects.add(object);
            } else {
                invalid(path + "[" + i + "]", items.get(i).toString(), "must be an object");
                objects.add(null);
            }
        }
        return objects;
    }

    /** The items of a child array, or an empty list when absent; a non-array is reported. */
    List<JsonNode> array(JsonNode parent, String name, String path) {
        JsonNode node = present(parent, name);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            invalid(path, node.toString(), "must be an array");
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        node.values().forEach(items::add);
        return items;
    }

    /** The child string, or null when absent; a non-string is reported. */
    String string(JsonNode parent, String name, String path) {
        JsonNode node = present(parent, name);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            invalid(path, node.toString(), "must be a string");
            return null;
        }
        return node.stringValue();
    }

    /** The child integer, or null when absent; anything but a whole number is reported. */
    Long integer(JsonNode parent, String name, String path) {
        JsonNode node = present(parent, name);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            invalid(path, node.toString(), "must be an integer");
            return null;
        }
        return node.asLong();
    }

    /** A child map of strings (labels, annotations, nodeSelector), empty when absent. */
    Map<String, String> stringMap(JsonNode parent, String name, String path) {
        ObjectNode object = object(parent, name, path);
        Map<String, String> map = new LinkedHashMap<>();
        if (object == null) {
            return map;
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (entry.getValue().isString()) {
                map.put(entry.getKey(), entry.getValue().stringValue());
            } else if (!entry.getValue().isNull()) {
                invalid(path + "[" + entry.getKey() + "]", entry.getValue().toString(), "must be a string");
            }
        }
        return map;
    }

    /**
     * The quantities of a resource list ({@code requests}, {@code capacity}), each checked to parse and to be
     * non-negative; bad entries are reported and left out.
     */
    Map<String, Quantity> quantities(JsonNode parent, String name, String path) {
        ObjectNode object = object(parent, name, path);
        Map<String, Quantity> quantities = new LinkedHashMap<>();
        if (object == null) {
            return quantities;
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String entryPath = path + "[" + entry.getKey() + "]";
            JsonNode value = entry.getValue();
            String text = value.isString() ? value.stringValue() : value.isNumber() ? value.toString() : null;
            if (text == null) {
                invalid(entryPath, value.toString(), Quantity.FORMAT_MESSAGE);
                continue;
            }
            try {
                Quantity quantity = Quantity.parse(text.strip());
                if (quantity.signum() < 0) {
                    invalid(entryPath, text, "must be greater than or equal to 0");
                } else {
                    quantities.put(entry.getKey(), quantity);
                }
            } catch (IllegalArgumentException e) {
                invalid(entryPath, text, e.getMessage());
            }
        }
        return quantities;
    }

    /** A non-negative integer field, as Kubernetes' ValidateNonnegativeField. */
    Long nonNegative(JsonNode parent, String name, String path) {
        Long value = integer(parent, name, path);
        if (value != null && value < 0) {
            invalid(path, value, "must be greater than or equal to 0");
        }
        return value;
    }

    static JsonNode present(JsonNode parent, String name) {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(name);
        return node == null || node.isNull() ? null : node;
    }
}
