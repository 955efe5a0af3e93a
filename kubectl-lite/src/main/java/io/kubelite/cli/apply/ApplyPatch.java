package io.kubelite.cli.apply;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The merge patch that makes a live object what the user declares, as kubectl's client-side apply computes it from
 * three objects: the last applied configuration, the new declaration and the live object.
 * <ul>
 *   <li>A declared field whose live value differs is set. Objects are compared field by field; a list or a scalar
 *       is set whole. A live value counts as equal when it holds everything declared and more, since the server
 *       fills in defaults (a container's {@code imagePullPolicy}, say).</li>
 *   <li>A field that was applied last time but is no longer declared is removed (set to null).</li>
 *   <li>Fields that neither declaration names (status, fields other clients own) are left alone.</li>
 * </ul>
 */
final class ApplyPatch {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApplyPatch() { }

    static ObjectNode between(JsonNode lastApplied, JsonNode declared, JsonNode live) {
        ObjectNode patch = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> field : declared.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode liveValue = live.path(name);
            if (value.isObject() && liveValue.isObject()) {
                ObjectNode nested = between(lastApplied.path(name), value, liveValue);
                if (!nested.isEmpty()) {
                    patch.set(name, nested);
                }
            } else if (!contains(liveValue, value)) {
                patch.set(name, value);
            }
        }
        for (Map.Entry<String, JsonNode> field : lastApplied.properties()) {
            if (!declared.has(field.getKey()) && live.has(field.getKey())) {
                patch.putNull(field.getKey());
            }
        }
        return patch;
    }

    /** Whether the live value holds everything declared: equal scalars, lists of the same length element-wise. */
    static boolean contains(JsonNode live, JsonNode declared) {
        if (declared.isObject()) {
            if (!live.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : declared.properties()) {
                if (!contains(live.path(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (declared.isArray()) {
            if (!live.isArray() || live.size() != declared.size()) {
                return false;
            }
            for (int i = 0; i < declared.size(); i++) {
                if (!contains(live.get(i), declared.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (declared.isNull()) {
            return live.isMissingNode() || live.isNull();
        }
        return declared.equals(live) || declared.isValueNode() && live.isValueNode()
                && declared.asString().equals(live.asString());
    }
}
