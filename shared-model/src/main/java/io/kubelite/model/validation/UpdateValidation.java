package io.kubelite.model.validation;

import io.kubelite.model.ResourceKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The fields an update may not change: identity for every kind, most of a pod's spec, a workload's selector. */
final class UpdateValidation {

    static final String POD_SPEC_MESSAGE = "pod updates may not change fields other than `spec.containers[*].image`,"
            + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
            + "`spec.tolerations` (only additions to existing tolerations),"
            + "`spec.nodeName` (only set once, when the pod is bound)";

    private UpdateValidation() { }

    static void validate(ResourceKind kind, ObjectNode updated, ObjectNode old, Problems problems) {
        immutable(updated.path("metadata"), old.path("metadata"), "name", "metadata.name", false, problems);
        immutable(updated.path("metadata"), old.path("metadata"), "namespace", "metadata.namespace", false, problems);
        immutable(updated.path("metadata"), old.path("metadata"), "uid", "metadata.uid", true, problems);
        switch (kind) {
            case POD -> podSpec(updated.path("spec"), old.path("spec"), problems);
            case DEPLOYMENT, REPLICASET ->
                    immutable(updated.path("spec"), old.path("spec"), "selector", "spec.selector", false, problems);
            default -> { }
        }
    }

    /** A field that must stay as it was; with {@code mayOmit} an update that leaves it out is fine. */
    private static void immutable(JsonNode updated, JsonNode old, String name, String path, boolean mayOmit,
                                  Problems problems) {
        JsonNode now = Problems.present(updated, name);
        JsonNode before = Problems.present(old, name);
        if (now == null && mayOmit) {
            return;
        }
        if (now == null ? before != null : !now.equals(before)) {
            problems.invalid(path, now == null ? "" : now.isString() ? now.stringValue() : now.toString(),
                    "field is immutable");
        }
    }

    /**
     * Applies the changes a pod update may make to a copy of the old spec; if the result differs from the
     * new spec, the update changed something else.
     */
    private static void podSpec(JsonNode updated, JsonNode old, Problems problems) {
        if (!(updated instanceof ObjectNode newSpec) || !(old instanceof ObjectNode oldSpec)) {
            return;
        }
        ObjectNode allowed = oldSpec.deepCopy();
        for (String list : List.of("containers", "initContainers")) {
            copyImages(newSpec.get(list), allowed.get(list));
        }
        copyField(newSpec, allowed, "activeDeadlineSeconds");
        if (tolerationsOnlyAdded(newSpec.get("tolerations"), oldSpec.get("tolerations"))) {
            copyField(newSpec, allowed, "tolerations");
        }
        JsonNode oldNode = Problems.present(oldSpec, "nodeName");
        if (oldNode == null || oldNode.isString() && oldNode.stringValue().isEmpty()) {
            copyField(newSpec, allowed, "nodeName");
        }
        if (!allowed.equals(newSpec)) {
            problems.forbidden("spec", POD_SPEC_MESSAGE);
        }
    }

    private static void copyImages(JsonNode from, JsonNode to) {
        if (from == null || to == null || !from.isArray() || !to.isArray() || from.size() != to.size()) {
            return;
        }
        for (int i = 0; i < from.size(); i++) {
            if (to.get(i) instanceof ObjectNode target && from.get(i).has("image")) {
                target.set("image", from.get(i).get("image").deepCopy());
            }
        }
    }

    private static void copyField(ObjectNode from, ObjectNode to, String name) {
        if (from.has(name)) {
            to.set(name, from.get(name).deepCopy());
        } else {
            to.remove(name);
        }
    }

    private static boolean tolerationsOnlyAdded(JsonNode updated, JsonNode old) {
        Set<JsonNode> now = new HashSet<>();
        if (updated instanceof ArrayNode array) {
            array.values().forEach(now::add);
        }
        if (old instanceof ArrayNode array) {
            for (JsonNode toleration : array.values()) {
                if (!now.contains(toleration)) {
                    return false;
                }
            }
        }
        return true;
    }
}
