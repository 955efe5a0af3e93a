package io.kubelite.store.selection;

import io.kubelite.model.StatusException;
import io.kubelite.model.selector.FieldSelector;
import io.kubelite.model.selector.LabelSelector;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which objects of a kind a list or a watch wants: a namespace (null for all), a label selector and a
 * field selector. The same rules are applied in SQL (lists) and in Java (watches), kept side by side
 * here so they cannot drift apart.
 */
public final class Selection {

    /** The field selector fields the store supports, with their column and their value in Java. */
    private enum Field {
        NAME("metadata.name", "name", SelectableFields::name),
        NAMESPACE("metadata.namespace", "namespace", SelectableFields::namespace),
        NODE_NAME("spec.nodeName", "node_name", SelectableFields::nodeName),
        PHASE("status.phase", "phase", SelectableFields::phase);

        final String label;
        final String column;
        final Function<SelectableFields, String> value;

        Field(String label, String column, Function<SelectableFields, String> value) {
            this.label = label;
            this.column = column;
            this.value = value;
        }

        static Field byLabel(String label) {
            for (Field field : values()) {
                if (field.label.equals(label)) {
                    return field;
                }
            }
            throw StatusException.badRequest("field label not supported: " + label);
        }
    }

    private record FieldRequirement(Field field, boolean equal, String value) { }

    private final String namespace;
    private final List<LabelSelector.Requirement> labelRequirements;
    private final List<FieldRequirement> fieldRequirements;

    /** Throws 400 BadRequest for a field selector on a field the store does not support. */
    public Selection(String namespace, LabelSelector labelSelector, FieldSelector fieldSelector) {
        this.namespace = namespace == null || namespace.isEmpty() ? null : namespace;
        this.labelRequirements = labelSelector == null ? List.of() : labelSelector.requirements();
        this.fieldRequirements = fieldSelector == null ? List.of() : fieldSelector.requirements().stream()
                .map(r -> new FieldRequirement(Field.byLabel(r.field()), r.equal(), r.value()))
                .toList();
    }

    /** Whether labels or selectable fields decide, so that an update can move an object in or out. */
    public boolean looksAtContent() {
        return !labelRequirements.isEmpty() || !fieldRequirements.isEmpty();
    }

    public boolean matches(SelectableFields object) {
        if (namespace != null && !namespace.equals(object.namespace())) {
            return false;
        }
        for (FieldRequirement requirement : fieldRequirements) {
            if (requirement.value.equals(requirement.field.value.apply(object)) != requirement.equal) {
                return false;
            }
        }
        return labelRequirements.stream().allMatch(r -> r.matches(object.labels()));
    }

    /** Appends {@code AND ...} conditions on the objects table's columns, adding their arguments. */
    public void appendSqlConditions(StringBuilder sql, List<Object> args) {
        if (namespace != null) {
            sql.append(" AND namespace = ?");
            args.add(namespace);
        }
        for (FieldRequirement requirement : fieldRequirements) {
            sql.append(" AND ").append(requirement.field.column).append(requirement.equal ? " = ?" : " <> ?");
            args.add(requirement.value);
        }
        for (LabelSelector.Requirement requirement : labelRequirements) {
            appendLabelCondition(requirement, sql, args);
        }
    }

    private static void appendLabelCondition(LabelSelector.Requirement requirement, StringBuilder sql,
                                             List<Object> args) {
        String key = requirement.key();
        if (requirement.values().isEmpty()
                && (requirement.operator() == LabelSelector.Operator.IN
                    || requirement.operator() == LabelSelector.Operator.NOT_IN)) {
            sql.append(requirement.operator() == LabelSelector.Operator.IN ? " AND false" : "");
            return;
        }
        switch (requirement.operator()) {
            case EQUALS -> {
                sql.append(" AND labels @> ?::jsonb");
                args.add(singleLabel(key, requirement.values().get(0)));
            }
            case NOT_EQUALS -> {
                sql.append(" AND NOT labels @> ?::jsonb");
                args.add(singleLabel(key, requirement.values().get(0)));
            }
            case IN -> {
                sql.append(" AND labels ->> ? IN (").append(placeholders(requirement.values().size())).append(')');
                args.add(key);
                args.addAll(requirement.values());
            }
            case NOT_IN -> {
                sql.append(" AND (labels ->> ? IS NULL OR labels ->> ? NOT IN (")
                        .append(placeholders(requirement.values().size())).append("))");
                args.add(key);
                args.add(key);
                args.addAll(requirement.values());
            }
            case EXISTS -> {
                sql.append(" AND labels ->> ? IS NOT NULL");
                args.add(key);
            }
            case DOES_NOT_EXIST -> {
                sql.append(" AND labels ->> ? IS NULL");
                args.add(key);
            }
            case GREATER_THAN, LESS_THAN -> appendIntegerComparison(requirement, sql, args);
        }
    }

    /** Like the model's matching: only a label whose value is an integer can be greater or less. */
    private static void appendIntegerComparison(LabelSelector.Requirement requirement, StringBuilder sql,
                                                List<Object> args) {
        long bound;
        try {
            bound = Long.parseLong(requirement.values().get(0));
        } catch (NumberFormatException e) {
            sql.append(" AND false");
            return;
        }
        sql.append(" AND CASE WHEN labels ->> ? ~ '^[-+]?[0-9]{1,18}$' THEN (labels ->> ?)::bigint ")
                .append(requirement.operator() == LabelSelector.Operator.GREATER_THAN ? ">" : "<")
                .append(" ? ELSE false END");
        args.add(requirement.key());
        args.add(requirement.key());
        args.add(bound);
    }

    private static String singleLabel(String key, String value) {
        ObjectNode label = JsonNodeFactory.instance.objectNode();
        label.put(key, value);
        return label.toString();
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
