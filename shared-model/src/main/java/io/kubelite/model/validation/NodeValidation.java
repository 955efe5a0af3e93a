package io.kubelite.model.validation;

import io.kubelite.model.Status;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** Kubernetes' checks of a Node: its taints and the quantities it reports. */
final class NodeValidation {

    private NodeValidation() { }

    static void validate(ObjectNode node, Problems problems) {
        ObjectNode spec = problems.object(node, "spec", "spec");
        Set<String> keysAndEffects = new HashSet<>();
        List<ObjectNode> taints = problems.objects(spec, "taints", "spec.taints");
        for (int i = 0; i < taints.size(); i++) {
            ObjectNode taint = taints.get(i);
            if (taint != null) {
                taint(taint, "spec.taints[" + i + "]", keysAndEffects, problems);
            }
        }
        problems.string(spec, "podCIDR", "spec.podCIDR");
        ObjectNode status = problems.object(node, "status", "status");
        problems.quantities(status, "capacity", "status.capacity");
        problems.quantities(status, "allocatable", "status.allocatable");
    }

    private static void taint(ObjectNode taint, String path, Set<String> keysAndEffects, Problems problems) {
        String key = problems.string(taint, "key", path + ".key");
        if (key == null || key.isEmpty()) {
            problems.required(path + ".key", null);
        } else {
            problems.invalidEach(path + ".key", key, Names.qualifiedName(key));
        }
        String value = problems.string(taint, "value", path + ".value");
        if (value != null) {
            problems.invalidEach(path + ".value", value, Names.labelValue(value));
        }
        String effect = problems.string(taint, "effect", path + ".effect");
        if (effect == null || effect.isEmpty()) {
            problems.required(path + ".effect", null);
        } else if (!PodSpecValidation.TAINT_EFFECTS.contains(effect)) {
            problems.notSupported(path + ".effect", effect, PodSpecValidation.TAINT_EFFECTS);
        }
        if (key != null && effect != null && !keysAndEffects.add(key + "\u0000" + effect)) {
            problems.add(new Status.Cause("FieldValueDuplicate",
                    "Duplicate value: \"" + key + "\": taints must be unique by key and effect pair", path));
        }
    }
}
