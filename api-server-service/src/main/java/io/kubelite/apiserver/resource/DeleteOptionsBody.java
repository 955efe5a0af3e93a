package io.kubelite.apiserver.resource;

import io.kubelite.model.StatusException;
import io.kubelite.store.DeleteOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Kubernetes' DeleteOptions, from an optional request body and the query. */
final class DeleteOptionsBody {

    private DeleteOptionsBody() { }

    /** The body's gracePeriodSeconds and dryRun win over the query's, as in Kubernetes. */
    static DeleteOptions parse(byte[] body, Long queryGracePeriod, boolean queryDryRun) {
        if (body.length == 0) {
            return new DeleteOptions(null, null, queryGracePeriod, queryDryRun);
        }
        ObjectNode options = RequestBodies.parseObject(body);
        String kind = ObjectFields.text(options, "kind");
        if (!kind.isEmpty() && !kind.equals("DeleteOptions")) {
            throw StatusException.badRequest("the request body must be a DeleteOptions object, not " + kind);
        }
        JsonNode preconditions = options.path("preconditions");
        return new DeleteOptions(
                optionalText(preconditions, "uid"),
                optionalText(preconditions, "resourceVersion"),
                gracePeriod(options.get("gracePeriodSeconds"), queryGracePeriod),
                dryRun(options.get("dryRun"), queryDryRun));
    }

    private static String optionalText(JsonNode node, String field) {
        String value = ObjectFields.text(node, field);
        return value.isEmpty() ? null : value;
    }

    private static Long gracePeriod(JsonNode value, Long fallback) {
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || value.longValue() < 0) {
            throw StatusException.badRequest("gracePeriodSeconds must be a non-negative integer");
        }
        return value.longValue();
    }

    private static boolean dryRun(JsonNode value, boolean fallback) {
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isArray()) {
            throw StatusException.badRequest("dryRun must be a list, e.g. [\"All\"]");
        }
        for (JsonNode item : value) {
            if (!"All".equals(item.isString() ? item.stringValue() : null)) {
                throw StatusException.badRequest("Invalid dry run value: " + item + "; the only supported value is All");
            }
        }
        return !value.isEmpty() || fallback;
    }
}
