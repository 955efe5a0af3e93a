package io.kubelite.apiserver.resource;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.model.UnknownFields;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kubernetes' {@code fieldValidation}: fields a kind's record does not model are rejected (Strict),
 * reported in Warning headers (Warn, the default) or silently ignored (Ignore).
 */
@Component
public class FieldValidation {

    public enum Mode { IGNORE, WARN, STRICT }

    /** The warnings to send back; throws 400 in Strict mode when a field is unknown. */
    public List<String> check(ResourceKind kind, ObjectNode object, Mode mode) {
        if (mode == Mode.IGNORE) {
            return List.of();
        }
        List<String> problems = UnknownFields.of(kind, object).stream()
                .map(field -> "unknown field \"" + field + "\"")
                .toList();
        if (mode == Mode.STRICT && !problems.isEmpty()) {
            throw StatusException.badRequest("strict decoding error: " + String.join(", ", problems));
        }
        return problems;
    }
}
