package io.kubelite.apiserver.scale;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.Status;
import io.kubelite.model.StatusException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code autoscaling/v1 Scale} view of a Deployment or ReplicaSet: {@code spec.replicas} of the
 * object, its {@code status.replicas}, and its selector written as a string.
 */
public final class Scales {

    public static final String API_VERSION = "autoscaling/v1";
    public static final String KIND = "Scale";

    private Scales() { }

    public static ObjectNode toScale(ObjectNode object) {
        ObjectNode scale = Json.MAPPER.createObjectNode();
        scale.put("apiVersion", API_VERSION);
        scale.put("kind", KIND);
        ObjectNode metadata = scale.putObject("metadata");
        JsonNode source = object.path("metadata");
        for (String field : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            if (source.has(field)) {
                metadata.set(field, source.get(field));
            }
        }
        scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
        ObjectNode status = scale.putObject("status");
        status.put("replicas", object.path("status").path("replicas").asInt(0));
        status.put("selector", selectorString(object.path("spec").path("selector")));
        return scale;
    }

    /** The replica count a Scale asks for; a missing or negative count is a 422. */
    public static int desiredReplicas(ResourceKind kind, String name, ObjectNode scale) {
        JsonNode replicas = scale.path("spec").path("replicas");
        if (!replicas.isIntegralNumber() || !replicas.canConvertToInt()) {
            throw StatusException.invalid(kind, name, List.of(Status.Cause.required("spec.replicas")));
        }
        if (replicas.intValue() < 0) {
            throw StatusException.invalid(kind, name, List.of(Status.Cause.invalid("spec.replicas",
                    replicas.intValue(), "must be greater than or equal to 0")));
        }
        return replicas.intValue();
    }

    /** A LabelSelector object as the string form Kubernetes puts in {@code status.selector}. */
    static String selectorString(JsonNode selector) {
        Map<String, String> parts = new TreeMap<>();
        for (Map.Entry<String, JsonNode> label : selector.path("matchLabels").properties()) {
            parts.put(label.getKey() + "=", label.getKey() + "=" + label.getValue().asString());
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asString();
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asString()));
            String text = switch (expression.path("operator").asString()) {
                case "In" -> key + " in (" + String.join(",", values.stream().sorted().toList()) + ")";
                case "NotIn" -> key + " notin (" + String.join(",", values.stream().sorted().toList()) + ")";
                case "Exists" -> key;
                case "DoesNotExist" -> "!" + key;
                default -> null;
            };
            if (text != null) {
                parts.put(key + " " + text, text);
            }
        }
        return String.join(",", parts.values());
    }
}
