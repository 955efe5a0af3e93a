package io.kubelite.model.validation;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.Status;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Kubernetes' ObjectMeta checks: name, namespace, labels, annotations, owner references, finalizers. */
final class MetadataValidation {

    static final int ANNOTATIONS_MAX_BYTES = 256 * 1024;

    private MetadataValidation() { }

    static void validate(ResourceKind kind, ObjectNode object, Problems problems) {
        ObjectNode metadata = problems.object(object, "metadata", "metadata");
        if (metadata == null) {
            problems.required("metadata.name", "name or generateName is required");
            return;
        }
        String name = problems.string(metadata, "name", "metadata.name");
        String generateName = problems.string(metadata, "generateName", "metadata.generateName");
        if (name == null || name.isEmpty()) {
            if (generateName == null || generateName.isEmpty()) {
                problems.required("metadata.name", "name or generateName is required");
            }
        } else {
            problems.invalidEach("metadata.name", name, objectName(kind, name));
        }
        if (generateName != null && !generateName.isEmpty()) {
            String prefix = generateName.endsWith("-") ? generateName.substring(0, generateName.length() - 1) + "a"
                    : generateName;
            problems.invalidEach("metadata.generateName", generateName, objectName(kind, prefix));
        }
        String namespace = problems.string(metadata, "namespace", "metadata.namespace");
        if (kind.namespaced()) {
            if (namespace == null || namespace.isEmpty()) {
                problems.required("metadata.namespace", null);
            } else {
                problems.invalidEach("metadata.namespace", namespace, Names.dns1123Label(namespace));
            }
        } else if (namespace != null && !namespace.isEmpty()) {
            problems.forbidden("metadata.namespace", "not allowed on this type");
        }
        labels(problems.stringMap(metadata, "labels", "metadata.labels"), "metadata.labels", problems);
        annotations(metadata, problems);
        ownerReferences(metadata, problems);
        finalizers(metadata, problems);
    }

    /** The rule for names of this kind: DNS labels for namespaces, DNS subdomains for the rest. */
    static List<String> objectName(ResourceKind kind, String name) {
        return kind == ResourceKind.NAMESPACE ? Names.dns1123Label(name) : Names.dns1123Subdomain(name);
    }

    /** Label keys and values; the same rules apply to a nodeSelector. */
    static void labels(Map<String, String> labels, String path, Problems problems) {
        labels.forEach((key, value) -> {
            problems.invalidEach(path, key, Names.qualifiedName(key));
            problems.invalidEach(path, value, Names.labelValue(value));
        });
    }

    private static void annotations(ObjectNode metadata, Problems problems) {
        Map<String, String> annotations = problems.stringMap(metadata, "annotations", "metadata.annotations");
        long bytes = 0;
        for (Map.Entry<String, String> entry : annotations.entrySet()) {
            problems.invalidEach("metadata.annotations", entry.getKey(),
                    Names.qualifiedName(entry.getKey().toLowerCase(Locale.ROOT)));
            bytes += entry.getKey().getBytes(StandardCharsets.UTF_8).length
                    + entry.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > ANNOTATIONS_MAX_BYTES) {
            problems.add(new Status.Cause("FieldValueTooLong",
                    "Too long: must have at most " + ANNOTATIONS_MAX_BYTES + " bytes", "metadata.annotations"));
        }
    }

    private static void ownerReferences(ObjectNode metadata, Problems problems) {
        List<ObjectNode> references = problems.objects(metadata, "ownerReferences", "metadata.ownerReferences");
        int controllers = 0;
        for (int i = 0; i < references.size(); i++) {
            ObjectNode reference = references.get(i);
            if (reference == null) {
                continue;
            }
            String path = "metadata.ownerReferences[" + i + "]";
            for (String field : List.of("apiVersion", "kind", "name", "uid")) {
                String value = problems.string(reference, field, path + "." + field);
                if (value == null || value.isEmpty()) {
                    problems.invalid(path + "." + field, value == null ? "" : value, field + " must not be empty");
                }
            }
            JsonNode controller = reference.get("controller");
            if (controller != null && controller.isBoolean() && controller.booleanValue()) {
                controllers++;
            }
        }
        if (controllers > 1) {
            problems.invalid("metadata.ownerReferences", controllers,
                    "Only one reference can have Controller set to true");
        }
    }

    private static void finalizers(ObjectNode metadata, Problems problems) {
        Set<String> seen = new HashSet<>();
        List<JsonNode> finalizers = problems.array(metadata, "finalizers", "metadata.finalizers");
        for (int i = 0; i < finalizers.size(); i++) {
            String path = "metadata.finalizers[" + i + "]";
            JsonNode finalizer = finalizers.get(i);
            if (!finalizer.isString()) {
                problems.invalid(path, finalizer.toString(), "must be a string");
                continue;
            }
            problems.invalidEach(path, finalizer.stringValue(), Names.qualifiedName(finalizer.stringValue()));
            if (!seen.add(finalizer.stringValue())) {
                problems.add(Status.Cause.duplicate(path, finalizer.stringValue()));
            }
        }
    }
}
