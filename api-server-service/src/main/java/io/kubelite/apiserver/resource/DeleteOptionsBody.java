package io.kubelite.apiserver.resource;

import io.kubelite.model.StatusException;
import io.kubelite.store.DeleteOptions;
import io.kubelite.store.PropagationPolicy;
import java.util.Arrays;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Kubernetes' DeleteOptions, from an optional request body and the query. */
final class DeleteOptionsBody {

    private static final String POLICIES = Arrays.stream(PropagationPolicy.values())
            .map(PropagationPolicy::value).collect(Collectors.joining(", "));

    private DeleteOptionsBody() { }

    /** The body's gracePeriodSeconds, dryRun and propagation win over the query's, as in Kubernetes. */
    static DeleteOptions parse(byte[] body, ApiQuery query) {
        PropagationPolicy queryPolicy = propagationPolicy(query.value("propagationPolicy"),
                query.value("orphanDependents") == null ? null : query.bool("orphanDependents"));
        if (body.length == 0) {
            return new DeleteOptions(null, null, query.gracePeriodSeconds(), query.dryRun(), queryPolicy);
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
                gracePeriod(options.get("gracePeriodSeconds"), query.gracePeriodSeconds()),
                dryRun(options.get("dryRun"), query.dryRun()),
                bodyPolicy(options.get("propagationPolicy"), options.get("orphanDependents"), queryPolicy));
    }

    private static PropagationPolicy bodyPolicy(JsonNode policy, JsonNode orphanDependents,
                                                PropagationPolicy fallback) {
        if (policy != null && !policy.isNull() && !policy.isString()) {
            throw StatusException.badRequest("propagationPolicy must be a string, one of " + POLICIES);
        }
        if (orphanDependents != null && !orphanDependents.isNull() && !orphanDependents.isBoolean()) {
            throw StatusException.badRequest("orphanDependents must be true or false");
        }
        String text = policy == null || policy.isNull() ? null : policy.stringValue();
        Boolean orphan = orphanDependents == null || orphanDependents.isNull() ? null : orphanDependents.booleanValue();
        PropagationPolicy named = propagationPolicy(text, orphan);
        return named == null ? fallback : named;
    }

    /**
     * The policy a {@code propagationPolicy} value names, or that {@code orphanDependents} (deprecated in
     * Kubernetes) implies: true is Orphan, false Background; null when neither is given. Naming both is a 400,
     * as in Kubernetes.
     */
    private static PropagationPolicy propagationPolicy(String text, Boolean orphanDependents) {
        if (text != null && !text.isEmpty() && orphanDependents != null) {
            throw StatusException.badRequest("Only one of orphanDependents and propagationPolicy may be set");
        }
        if (text != null && !text.isEmpty()) {
            return PropagationPolicy.parse(text).orElseThrow(() -> StatusException.badRequest(
                    "Invalid propagationPolicy \"" + text + "\"; supported values: " + POLICIES));
        }
        if (orphanDependents != null) {
            return orphanDependents ? PropagationPolicy.ORPHAN : PropagationPolicy.BACKGROUND;
        }
        return null;
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
