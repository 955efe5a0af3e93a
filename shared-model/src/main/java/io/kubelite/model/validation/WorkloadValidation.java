package io.kubelite.model.validation;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.model.selector.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Kubernetes' checks of the specs of Deployments and ReplicaSets. */
final class WorkloadValidation {

    private static final List<String> STRATEGY_TYPES = List.of("Recreate", "RollingUpdate");
    private static final List<String> OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist");
    private static final Pattern PERCENT = Pattern.compile("[0-9]+%");
    private static final String PERCENT_MESSAGE = "a valid percent string must be a numeric string followed by an "
            + "ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

    private WorkloadValidation() { }

    static void validate(ResourceKind kind, ObjectNode object, Problems problems) {
        ObjectNode spec = problems.object(object, "spec", "spec");
        if (spec == null) {
            problems.required("spec.selector", null);
            problems.required("spec.template", null);
            return;
        }
        problems.nonNegative(spec, "replicas", "spec.replicas");
        Long minReadySeconds = problems.nonNegative(spec, "minReadySeconds", "spec.minReadySeconds");
        LabelSelector selector = selector(kind, spec, problems);
        template(spec, selector, problems);
        if (kind == ResourceKind.DEPLOYMENT) {
            problems.nonNegative(spec, "revisionHistoryLimit", "spec.revisionHistoryLimit");
            Long deadline = problems.nonNegative(spec, "progressDeadlineSeconds", "spec.progressDeadlineSeconds");
            if (deadline != null && minReadySeconds != null && deadline <= minReadySeconds) {
                problems.invalid("spec.progressDeadlineSeconds", deadline, "must be greater than minReadySeconds");
            }
            strategy(spec, problems);
        }
    }

    /** The selector, checked as Kubernetes checks it; null when missing or unusable. */
    private static LabelSelector selector(ResourceKind kind, ObjectNode spec, Problems problems) {
        ObjectNode selector = problems.object(spec, "selector", "spec.selector");
        if (selector == null) {
            problems.required("spec.selector", null);
            return null;
        }
        int before = problems.causes().size();
        MetadataValidation.labels(problems.stringMap(selector, "matchLabels", "spec.selector.matchLabels"),
                "spec.selector.matchLabels", problems);
        List<ObjectNode> expressions = problems.objects(selector, "matchExpressions", "spec.selector.matchExpressions");
        for (int i = 0; i < expressions.size(); i++) {
            if (expressions.get(i) != null) {
                expression(expressions.get(i), "spec.selector.matchExpressions[" + i + "]", problems);
            }
        }
        if (problems.causes().size() > before) {
            return null;
        }
        LabelSelector parsed;
        try {
            parsed = LabelSelector.fromSpec(
                    Json.MAPPER.treeToValue(selector, io.kubelite.model.meta.LabelSelector.class));
        } catch (StatusException | tools.jackson.core.JacksonException e) {
            problems.invalid("spec.selector", selector.toString(), e.getMessage());
            return null;
        }
        if (parsed.isEmpty()) {
            problems.invalid("spec.selector", selector.toString(), "empty selector is invalid for " + kind.singular());
            return null;
        }
        return parsed;
    }

    private static void expression(ObjectNode expression, String path, Problems problems) {
        String key = problems.string(expression, "key", path + ".key");
        if (key == null || key.isEmpty()) {
            problems.required(path + ".key", null);
        } else {
            problems.invalidEach(path + ".key", key, Names.qualifiedName(key));
        }
        String operator = problems.string(expression, "operator", path + ".operator");
        List<JsonNode> values = problems.array(expression, "values", path + ".values");
        if (operator == null || !OPERATORS.contains(operator)) {
            problems.invalid(path + ".operator", operator == null ? "" : operator, "not a valid selector operator");
        } else if ((operator.equals("In") || operator.equals("NotIn")) && values.isEmpty()) {
            problems.required(path + ".values", "must be specified when `operator` is 'In' or 'NotIn'");
        } else if ((operator.equals("Exists") || operator.equals("DoesNotExist")) && !values.isEmpty()) {
            problems.forbidden(path + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
        }
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            if (!value.isString()) {
                problems.invalid(path + ".values[" + i + "]", value.toString(), "must be a string");
            } else {
                problems.invalidEach(path + ".values[" + i + "]", value.stringValue(),
                        Names.labelValue(value.stringValue()));
            }
        }
    }

    private static void template(ObjectNode spec, LabelSelector selector, Problems problems) {
        ObjectNode template = problems.object(spec, "template", "spec.template");
        if (template == null) {
            problems.required("spec.template", null);
            return;
        }
        ObjectNode metadata = problems.object(template, "metadata", "spec.template.metadata");
        Map<String, String> labels = problems.stringMap(metadata, "labels", "spec.template.metadata.labels");
        MetadataValidation.labels(labels, "spec.template.metadata.labels", problems);
        if (selector != null && !selector.matches(labels)) {
            problems.invalid("spec.template.metadata.labels", labels, "`selector` does not match template `labels`");
        }
        ObjectNode podSpec = problems.object(template, "spec", "spec.template.spec");
        if (podSpec == null) {
            problems.required("spec.template.spec.containers", null);
            return;
        }
        PodSpecValidation.validate(podSpec, "spec.template.spec", problems);
        String restartPolicy = problems.string(podSpec, "restartPolicy", "spec.template.spec.restartPolicy");
        if (restartPolicy != null && !restartPolicy.equals("Always")) {
            problems.notSupported("spec.template.spec.restartPolicy", restartPolicy, List.of("Always"));
        }
        if (Problems.present(podSpec, "activeDeadlineSeconds") != null) {
            problems.forbidden("spec.template.spec.activeDeadlineSeconds",
                    "activeDeadlineSeconds in ReplicaSet is not Supported");
        }
    }

    private static void strategy(ObjectNode spec, Problems problems) {
        ObjectNode strategy = problems.object(spec, "strategy", "spec.strategy");
        if (strategy == null) {
            return;
        }
        String type = problems.string(strategy, "type", "spec.strategy.type");
        ObjectNode rollingUpdate = problems.object(strategy, "rollingUpdate", "spec.strategy.rollingUpdate");
        if (type == null || type.isEmpty()) {
            problems.required("spec.strategy.type", null);
        } else if (!STRATEGY_TYPES.contains(type)) {
            problems.notSupported("spec.strategy.type", type, STRATEGY_TYPES);
        } else if (type.equals("Recreate") && rollingUpdate != null) {
            problems.forbidden("spec.strategy.rollingUpdate",
                    "may not be specified when strategy `type` is 'Recreate'");
        }
        if (rollingUpdate == null || !"RollingUpdate".equals(type)) {
            return;
        }
        String path = "spec.strategy.rollingUpdate";
        Integer maxUnavailable = intOrPercent(rollingUpdate.get("maxUnavailable"), path + ".maxUnavailable", problems);
        Integer maxSurge = intOrPercent(rollingUpdate.get("maxSurge"), path + ".maxSurge", problems);
        JsonNode unavailableNode = rollingUpdate.get("maxUnavailable");
        if (maxUnavailable != null && unavailableNode.isString() && maxUnavailable > 100) {
            problems.invalid(path + ".maxUnavailable", unavailableNode.stringValue(), "must not be greater than 100%");
        }
        if (maxUnavailable != null && maxSurge != null && maxUnavailable == 0 && maxSurge == 0) {
            problems.invalid(path + ".maxUnavailable", unavailableNode.isString() ? unavailableNode.stringValue() : 0,
                    "may not be 0 when `maxSurge` is 0");
        }
    }

    /** The number or percentage of an int-or-string field, or null when absent or invalid (reported). */
    private static Integer intOrPercent(JsonNode value, String path, Problems problems) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            String text = value.stringValue();
            if (!PERCENT.matcher(text).matches()) {
                problems.invalid(path, text, PERCENT_MESSAGE);
                return null;
            }
            try {
                return Integer.parseInt(text.substring(0, text.length() - 1));
            } catch (NumberFormatException e) {
                problems.invalid(path, text, PERCENT_MESSAGE);
                return null;
            }
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            if (value.asInt() < 0) {
                problems.invalid(path, value.asInt(), "must be greater than or equal to 0");
                return null;
            }
            return value.asInt();
        }
        problems.invalid(path, value.toString(), "must be an integer or a percentage");
        return null;
    }
}
