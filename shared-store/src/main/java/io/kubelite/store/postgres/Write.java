package io.kubelite.store.postgres;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.store.WatchEvent;
import io.kubelite.store.selection.SelectableFields;
import java.io.StringWriter;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call of {@code kubelite_write}: a compare-and-swap write whose Java work is done.
 *
 * @param type            {@link WatchEvent#ADDED} (insert), MODIFIED or DELETED
 * @param expectedVersion the revision the row must still have; null for ADDED
 * @param fields          the selectable fields of {@code data}
 * @param previous        the selectable fields before this write; null for ADDED
 * @param object          the object as stored: without metadata.resourceVersion, which the row's revision gives
 */
record Write(String type, ResourceKind kind, String namespace, String name, Long expectedVersion, String uid,
             SelectableFields fields, SelectableFields previous, ObjectNode object) {

    /** This write's parameters but the object, as one element of {@code kubelite_write_all}'s first argument. */
    String parametersJson() {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = Json.MAPPER.createGenerator(text)) {
            writeParameters(json);
        }
        return text.toString();
    }

    /**
     * The object's JSON, serialized here only: the same text becomes the row and the change-log entry,
     * and is read back as written.
     */
    String objectJson() {
        return Json.MAPPER.writeValueAsString(object);
    }

    private void writeParameters(JsonGenerator json) {
        json.writeStartObject();
        json.writeStringProperty("type", type);
        json.writeStringProperty("kind", kind.kind());
        json.writeStringProperty("namespace", namespace);
        json.writeStringProperty("name", name);
        if (expectedVersion != null) {
            json.writeNumberProperty("expectedVersion", expectedVersion.longValue());
        }
        json.writeStringProperty("uid", uid);
        writeLabels(json, "labels", fields.labels());
        json.writeStringProperty("nodeName", fields.nodeName());
        json.writeStringProperty("phase", fields.phase());
        if (previous != null) {
            writeLabels(json, "prevLabels", previous.labels());
            json.writeStringProperty("prevNodeName", previous.nodeName());
            json.writeStringProperty("prevPhase", previous.phase());
        }
        json.writeBooleanProperty("namespaceMustExist", kind.namespaced() && WatchEvent.ADDED.equals(type));
        json.writeEndObject();
    }

    private static void writeLabels(JsonGenerator json, String property, Map<String, String> labels) {
        json.writeName(property);
        json.writeStartObject();
        for (Map.Entry<String, String> label : labels.entrySet()) {
            json.writeStringProperty(label.getKey(), label.getValue());
        }
        json.writeEndObject();
    }
}
