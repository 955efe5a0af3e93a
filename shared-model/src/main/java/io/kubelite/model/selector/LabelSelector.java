package io.kubelite.model.selector;

import io.kubelite.model.StatusException;
import io.kubelite.model.meta.LabelSelectorRequirement;
import io.kubelite.model.validation.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A parsed label selector: every requirement must hold. The empty selector matches everything.
 * Syntax, validation and matching follow {@code k8s.io/apimachinery/pkg/labels}.
 */
public record LabelSelector(List<Requirement> requirements) {

    public enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST, GREATER_THAN, LESS_THAN }

    /**
     * {@code values} is empty for EXISTS / DOES_NOT_EXIST, one value for EQUALS / NOT_EQUALS /
     * GREATER_THAN / LESS_THAN, and a sorted set of values for IN / NOT_IN.
     */
    public record Requirement(String key, Operator operator, List<String> values) {

        public Requirement {
            values = List.copyOf(values);
        }

        /** Whether labels (null meaning none) satisfy this requirement. */
        public boolean matches(Map<String, String> labels) {
            String value = labels == null ? null : labels.get(key);
            return switch (operator) {
                case EQUALS, IN -> value != null && values.contains(value);
                case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
                case EXISTS -> value != null;
                case DOES_NOT_EXIST -> value == null;
                case GREATER_THAN -> value != null && compareAsIntegers(value) > 0;
                case LESS_THAN -> value != null && compareAsIntegers(value) < 0;
            };
        }

        /** -1, 0 or 1 comparing the label value with the requirement's; 0 when the label is not an integer. */
        private int compareAsIntegers(String value) {
            try {
                return Long.compare(Long.parseLong(value), Long.parseLong(values.get(0)));
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        @Override
        public String toString() {
            return switch (operator) {
                case EQUALS -> key + "=" + values.get(0);
                case NOT_EQUALS -> key + "!=" + values.get(0);
                case GREATER_THAN -> key + ">" + values.get(0);
                case LESS_THAN -> key + "<" + values.get(0);
                case IN -> key + " in (" + String.join(",", values) + ")";
                case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
                case EXISTS -> key;
                case DOES_NOT_EXIST -> "!" + key;
            };
        }
    }

    public LabelSelector {
        requirements = List.copyOf(requirements);
    }

    /** Parses {@code app=web,tier!=db,env in (a,b),!legacy}; throws StatusException 400 on bad syntax. */
    public static LabelSelector parse(String text) {
        return LabelSelectorParser.parse(text);
    }

    /** The selector requiring exactly these labels ({@code a=1,b=2}); an empty map selects everything. */
    public static LabelSelector fromLabels(Map<String, String> labels) {
        List<Requirement> requirements = new ArrayList<>();
        new TreeMap<>(labels).forEach((key, value) ->
                requirements.add(requirement(key, Operator.EQUALS, List.of(value))));
        return new LabelSelector(requirements);
    }

    /**
     * Converts the {@code metav1.LabelSelector} JSON shape ({@code matchLabels}, {@code matchExpressions}).
     * An empty spec selects everything; callers decide what a missing (null) spec means.
     */
    public static LabelSelector fromSpec(io.kubelite.model.meta.LabelSelector spec) {
        List<Requirement> requirements = new ArrayList<>();
        if (spec.matchLabels() != null) {
            spec.matchLabels().forEach((key, value) ->
                    requirements.add(requirement(key, Operator.EQUALS, List.of(value == null ? "" : value))));
        }
        if (spec.matchExpressions() != null) {
            for (LabelSelectorRequirement expression : spec.matchExpressions()) {
                requirements.add(fromExpression(expression));
            }
        }
        requirements.sort(Comparator.comparing(Requirement::key));
        return new LabelSelector(requirements);
    }

    private static Requirement fromExpression(LabelSelectorRequirement expression) {
        List<String> values = expression.values() == null ? List.of() : expression.values();
        String operator = String.valueOf(expression.operator());
        Operator op = switch (operator) {
            case "In" -> Operator.IN;
            case "NotIn" -> Operator.NOT_IN;
            case "Exists" -> Operator.EXISTS;
            case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
            default -> throw StatusException.badRequest("\"" + operator + "\" is not a valid label selector operator");
        };
        return requirement(String.valueOf(expression.key()), op, values);
    }

    /** A requirement checked as Kubernetes' {@code labels.NewRequirement} checks it. */
    static Requirement requirement(String key, Operator operator, List<String> values) {
        List<String> keyErrors = Names.qualifiedName(key);
        if (!keyErrors.isEmpty()) {
            throw StatusException.badRequest("invalid label key \"" + key + "\": " + String.join("; ", keyErrors));
        }
        switch (operator) {
            case IN, NOT_IN -> {
                if (values.isEmpty()) {
                    throw StatusException.badRequest("for 'in', 'notin' operators, values set can't be empty");
                }
            }
            case EQUALS, NOT_EQUALS -> {
                if (values.size() != 1) {
                    throw StatusException.badRequest("exact-match compatibility requires one single value");
                }
            }
            case EXISTS, DOES_NOT_EXIST -> {
                if (!values.isEmpty()) {
                    throw StatusException.badRequest("values set must be empty for exists and does not exist");
                }
            }
            case GREATER_THAN, LESS_THAN -> {
                if (values.size() != 1) {
                    throw StatusException.badRequest("for 'Gt', 'Lt' operators, exactly one value is required");
                }
                try {
                    Long.parseLong(values.get(0));
                } catch (NumberFormatException e) {
                    throw StatusException.badRequest("for 'Gt', 'Lt' operators, the value must be an integer");
                }
            }
        }
        for (String value : values) {
            List<String> valueErrors = Names.labelValue(value);
            if (!valueErrors.isEmpty()) {
                throw StatusException.badRequest("invalid label value: \"" + value + "\": at key: \"" + key + "\": "
                        + String.join("; ", valueErrors));
            }
        }
        return new Requirement(key, operator, List.copyOf(new TreeSet<>(values)));
    }

    /** Whether labels (null meaning none) satisfy every requirement. */
    public boolean matches(Map<String, String> labels) {
        return requirements.stream().allMatch(r -> r.matches(labels));
    }

    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    /** The canonical text, which {@link #parse} reads back to an equal selector. */
    @Override
    public String toString() {
        return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
    }
}
