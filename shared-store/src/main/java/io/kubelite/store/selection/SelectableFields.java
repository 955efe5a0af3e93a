package io.kubelite.store.selection;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts of an object that label and field selectors look at. Absent fields are "", as
 * Kubernetes field selectors treat them ({@code spec.nodeName=} selects unscheduled pods).
 */
public record SelectableFields(String namespace, String name, Map<String, String> labels,
                               String nodeName, String phase) {

    public static SelectableFields of(ObjectNode object) {
        JsonNode metadata = object.path("metadata");
        return new SelectableFields(
                metadata.path("namespace").asString(""),
                metadata.path("name").asString(""),
                labelsOf(object),
                object.path("spec").path("nodeName").asString(""),
                object.path("status").path("phase").asString(""));
    }

    public static Map<String, String> labelsOf(ObjectNode object) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> label : object.path("metadata").path("labels").properties()) {
            labels.put(label.getKey(), label.getValue().asString(""));
        }
        return labels;
    }
}
