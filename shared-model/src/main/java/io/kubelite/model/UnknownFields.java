package io.kubelite.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The fields of an object's JSON that its record does not model, each with its path as Kubernetes'
 * strict field validation names it ({@code spec.containers[0].colour}); every one, not only the first.
 *
 * <p>The JSON is walked along the record's components, by the names Jackson reads them under: lists
 * element by element, maps value by value, nested records field by field. Only the shape is looked at:
 * a value of the wrong type or format is left to validation, which reports it with its own message.
 * (Binding with a problem handler that collects unknown properties names them with wrong paths: Jackson
 * buffers a record's unknown properties and replays them after the record is built, when the parser's
 * enclosing contexts have moved on.)
 */
public final class UnknownFields {

    /** The JSON field names of each record and the type of each. */
    private static final ClassValue<Map<String, Type>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, Type> computeValue(Class<?> record) {
            Map<String, Type> fields = new HashMap<>();
            for (RecordComponent component : record.getRecordComponents()) {
                JsonProperty renamed = component.getAnnotation(JsonProperty.class);
                String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
                fields.put(name, component.getGenericType());
            }
            return fields;
        }
    };

    private UnknownFields() { }

    /** The unknown fields of an object of this kind, in the order they appear; empty when there are none. */
    public static List<String> of(ResourceKind kind, JsonNode object) {
        return of(kind.type(), object);
    }

    /** The unknown fields of the JSON form of a record such as {@code Pod} or {@code Scale}. */
    public static List<String> of(Class<?> type, JsonNode object) {
        List<String> unknown = new ArrayList<>();
        walk(type, object, "", unknown);
        return List.copyOf(unknown);
    }

    private static void walk(Type type, JsonNode value, String path, List<String> unknown) {
        if (type instanceof ParameterizedType generic && value.isContainer()) {
            Type[] arguments = generic.getActualTypeArguments();
            if (generic.getRawType() == List.class && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    walk(arguments[0], value.get(i), path + "[" + i + "]", unknown);
                }
            } else if (generic.getRawType() == Map.class && value.isObject()) {
                value.properties().forEach(entry ->
                        walk(arguments[1], entry.getValue(), field(path, entry.getKey()), unknown));
            }
        } else if (type instanceof Class<?> c && readAsObject(c) && value.isObject()) {
            Map<String, Type> fields = FIELDS.get(c);
            value.properties().forEach(entry -> {
                Type fieldType = fields.get(entry.getKey());
                if (fieldType == null) {
                    unknown.add(field(path, entry.getKey()));
                } else {
                    walk(fieldType, entry.getValue(), field(path, entry.getKey()), unknown);
                }
            });
        }
    }

    /** A record is a JSON object unless it reads itself from another form, as IntOrString does. */
    private static boolean readAsObject(Class<?> type) {
        return type.isRecord() && !type.isAnnotationPresent(JsonDeserialize.class);
    }

    private static String field(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
