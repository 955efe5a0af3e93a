package io.kubelite.controller.owner;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading and changing {@code metadata.ownerReferences}: who owns an object, and which owner controls it. */
public final class OwnerReferences {

    private OwnerReferences() { }

    /** One entry of {@code metadata.ownerReferences}. */
    public record Reference(String apiVersion, String kind, String name, String uid, boolean controller,
                            boolean blockOwnerDeletion) {

        /** The kind the reference names, if kube-lite serves it. */
        public Optional<ResourceKind> resourceKind() {
            return Arrays.stream(ResourceKind.values())
                    .filter(k -> k.apiVersion().equals(apiVersion) && k.kind().equals(kind))
                    .findFirst();
        }
    }

    public static List<Reference> of(JsonNode object) {
        List<Reference> references = new ArrayList<>();
        for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
            references.add(new Reference(ref.path("apiVersion").asString(""), ref.path("kind").asString(""),
                    ref.path("name").asString(""), ref.path("uid").asString(""),
                    ref.path("controller").asBoolean(false), ref.path("blockOwnerDeletion").asBoolean(false)));
        }
        return references;
    }

    /** The owner that manages the object (the reference with {@code controller: true}), if any. */
    public static Optional<Reference> controllerOf(JsonNode object) {
        return of(object).stream().filter(Reference::controller).findFirst();
    }

    /** The reference a controller puts on what it creates or adopts: controller and blockOwnerDeletion true. */
    public static ObjectNode controllerReference(ResourceKind ownerKind, JsonNode owner) {
        ObjectNode ref = Json.MAPPER.createObjectNode();
        ref.put("apiVersion", ownerKind.apiVersion());
        ref.put("kind", ownerKind.kind());
        ref.put("name", Metadata.name(owner));
        ref.put("uid", Metadata.uid(owner));
        ref.put("controller", true);
        ref.put("blockOwnerDeletion", true);
        return ref;
    }

    /** A copy of the object with the reference added to its ownerReferences. */
    public static ObjectNode withReference(ObjectNode object, ObjectNode reference) {
        ObjectNode copy = object.deepCopy();
        ObjectNode metadata = copy.get("metadata") instanceof ObjectNode m ? m : copy.putObject("metadata");
        ArrayNode references = metadata.get("ownerReferences") instanceof ArrayNode a
                ? a : metadata.putArray("ownerReferences");
        references.add(reference);
        return copy;
    }

    /** A copy of the object without the references to these owner uids (no ownerReferences field when none is left). */
    public static ObjectNode withoutOwners(ObjectNode object, Set<String> ownerUids) {
        ObjectNode copy = object.deepCopy();
        ObjectNode metadata = (ObjectNode) copy.get("metadata");
        ArrayNode kept = metadata.arrayNode();
        for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
            if (!ownerUids.contains(ref.path("uid").asString(""))) {
                kept.add(ref.deepCopy());
            }
        }
        if (kept.isEmpty()) {
            metadata.remove("ownerReferences");
        } else {
            metadata.set("ownerReferences", kept);
        }
        return copy;
    }
}
