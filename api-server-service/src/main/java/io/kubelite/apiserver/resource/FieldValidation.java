package io.kubelite.apiserver.resource;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kubernetes' {@code fieldValidation}: fields a kind does not know are rejected (Strict), reported
 * in Warning headers (Warn, the default) or silently ignored (Ignore). The known fields are listed
 * in {@code schema/known-fields.json}.
 */
@Component
public class FieldValidation {

    public enum Mode { IGNORE, WARN, STRICT }

    private static final String SCHEMA = "/schema/known-fields.json";

    private final JsonNode definitions;
    private final JsonNode kinds;

    public FieldValidation() {
        try (InputStream in = FieldValidation.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is missing from the classpath");
            }
            JsonNode schema = Json.MAPPER.readTree(in);
            this.definitions = schema.get("definitions");
            this.kinds = schema.get("kinds");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The warnings to send back; throws 400 in Strict mode when a field is unknown. */
    public List<String> check(ResourceKind kind, ObjectNode object, Mode mode) {
        if (mode == Mode.IGNORE) {
            return List.of();
        }
        List<String> unknown = new ArrayList<>();
        walk(kinds.get(kind.kind()), object, "", unknown);
        List<String> problems = unknown.stream().map(field -> "unknown field \"" + field + "\"").toList();
        if (mode == Mode.STRICT && !problems.isEmpty()) {
            throw StatusException.badRequest("strict decoding error: " + String.join(", ", problems));
        }
        return problems;
    }

    private void walk(JsonNode schema, JsonNode value, String path, List<String> unknown) {
        if (schema.isString()) {
            String text = schema.stringValue();
            if (text.startsWith("#")) {
                walk(definitions.get(text.substring(1)), value, path, unknown);
            }
        } else if (schema.isObject() && value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                JsonNode fieldSchema = schema.get(field.getKey());
                if (fieldSchema == null) {
                    unknown.add(fieldPath);
                } else {
                    walk(fieldSchema, field.getValue(), fieldPath, unknown);
                }
            }
        } else if (schema.isArray() && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                walk(schema.get(0), value.get(i), path + "[" + i + "]", unknown);
            }
        }
    }
}
