package io.kubelite.model.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a Kubernetes {@code metav1.LabelSelector}, as in a Deployment's {@code spec.selector}.
 * {@link io.kubelite.model.selector.LabelSelector#fromSpec} turns it into a selector that matches labels.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelSelector(Map<String, String> matchLabels, List<LabelSelectorRequirement> matchExpressions) {

    public static LabelSelector matching(Map<String, String> labels) {
        return new LabelSelector(Map.copyOf(labels), null);
    }
}
