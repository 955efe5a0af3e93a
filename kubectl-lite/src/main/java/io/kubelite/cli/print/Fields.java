package io.kubelite.cli.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Reading an API object's fields as the tables and descriptions print them. */
public final class Fields {

    public static final String NONE = "<none>";

    private Fields() { }

    /** The scalar at the path, or "" where there is none. */
    public static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value.isValueNode() && !value.isNull() ? value.asString() : "";
    }

    /** The scalar at the path, or the fallback where there is none. */
    public static String textOr(JsonNode node, String fallback, String... path) {
        String text = text(node, path);
        return text.isEmpty() ? fallback : text;
    }

    /** The number at the path, 0 where there is none. */
    public static long number(JsonNode node, String... path) {
        return at(node, path).asLong(0);
    }

    public static JsonNode at(JsonNode node, String... path) {
        JsonNode value = node;
        for (String field : path) {
            value = value.path(field);
        }
        return value;
    }

    /** {@code metadata.name}. */
    public static String name(JsonNode object) {
        return text(object, "metadata", "name");
    }

    /** {@code metadata.namespace}. */
    public static String namespace(JsonNode object) {
        return text(object, "metadata", "namespace");
    }

    /** The object's condition of that type, or a missing node. */
    public static JsonNode condition(JsonNode object, String type) {
        for (JsonNode condition : object.path("status").path("conditions")) {
            if (type.equals(text(condition, "type"))) {
                return condition;
            }
        }
        return at(object, "status", "no-such-condition");
    }

    /** A string map such as labels as {@code a=b,c=d}, in the order given, {@code <none>} when empty. */
    public static String pairs(JsonNode map) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            pairs.add(entry.getKey() + "=" + entry.getValue().asString(""));
        }
        return pairs.isEmpty() ? NONE : String.join(",", pairs);
    }

    /** A label selector ({@code matchLabels}, {@code matchExpressions}) as kubectl prints it. */
    public static String selector(JsonNode selector) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : selector.path("matchLabels").properties()) {
            parts.add(entry.getKey() + "=" + entry.getValue().asString(""));
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = text(expression, "key");
            String operator = text(expression, "operator");
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asString("")));
            parts.add(switch (operator) {
                case "Exists" -> key;
                case "DoesNotExist" -> "!" + key;
                case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
                default -> key + " in (" + String.join(",", values) + ")";
            });
        }
        return parts.isEmpty() ? NONE : String.join(",", parts);
    }

    /** The containers' names and images of a pod template's spec, comma-separated. */
    public static List<String> containersAndImages(JsonNode podSpec) {
        List<JsonNode> containers = new ArrayList<>();
        podSpec.path("containers").forEach(containers::add);
        return List.of(
                containers.stream().map(c -> text(c, "name")).collect(Collectors.joining(",")),
                containers.stream().map(c -> text(c, "image")).collect(Collectors.joining(",")));
    }
}
