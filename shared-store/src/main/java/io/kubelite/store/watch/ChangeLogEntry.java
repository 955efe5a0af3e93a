package io.kubelite.store.watch;

import io.kubelite.model.Json;
import io.kubelite.store.selection.SelectableFields;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.node.ObjectNode;

/**
 * One change-log row. The object is parsed only when some watch of its kind looks at it, and then
 * once for all of them.
 */
final class ChangeLogEntry {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() { };

    final long revision;
    final String kind;
    final String type;
    private final String namespace;
    private final String name;
    private final String objectJson;
    private final String previousLabelsJson;
    private final String previousNodeName;
    private final String previousPhase;
    private ObjectNode object;
    private SelectableFields fields;

    ChangeLogEntry(long revision, String kind, String namespace, String name, String type, String objectJson,
                   String previousLabelsJson, String previousNodeName, String previousPhase) {
        this.revision = revision;
        this.kind = kind;
        this.namespace = namespace;
        this.name = name;
        this.type = type;
        this.objectJson = objectJson;
        this.previousLabelsJson = previousLabelsJson;
        this.previousNodeName = previousNodeName;
        this.previousPhase = previousPhase;
    }

    /** The object after the change (for DELETED: its last state), with resourceVersion = revision. */
    ObjectNode object() {
        if (object == null) {
            object = (ObjectNode) Json.MAPPER.readTree(objectJson);
            ObjectNode metadata = object.get("metadata") instanceof ObjectNode m ? m : object.putObject("metadata");
            metadata.put("resourceVersion", Long.toString(revision));
        }
        return object;
    }

    SelectableFields fields() {
        if (fields == null) {
            fields = SelectableFields.of(object());
        }
        return fields;
    }

    /** The selectable fields before a MODIFIED change; namespace and name never change. */
    SelectableFields previousFields() {
        Map<String, String> labels = previousLabelsJson == null ? Map.of()
                : Json.MAPPER.readValue(previousLabelsJson, LABELS);
        return new SelectableFields(namespace, name, labels,
                previousNodeName == null ? "" : previousNodeName, previousPhase == null ? "" : previousPhase);
    }
}
