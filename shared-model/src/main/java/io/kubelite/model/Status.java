package io.kubelite.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes {@code Status} object: what every failed call answers with.
 *
 * @param code the HTTP status code
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Status(String apiVersion, String kind, Map<String, Object> metadata, String status,
                     String message, String reason, Details details, int code) {

    public static final String FAILURE = "Failure";
    public static final String SUCCESS = "Success";

    public static Status failure(int code, String reason, String message, Details details) {
        return new Status("v1", "Status", Map.of(), FAILURE, message, reason, details, code);
    }

    public static Status success(Details details) {
        return new Status("v1", "Status", Map.of(), SUCCESS, null, null, details, 200);
    }

    /** What the failure was about; {@code kind} holds the resource's plural, as Kubernetes does. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Details(String name, String group, String kind, String uid, List<Cause> causes) {
        public static Details of(ResourceKind kind, String name) {
            return new Details(name, kind.group().isEmpty() ? null : kind.group(), kind.plural(), null, null);
        }
    }

    /**
     * One reason for a failure. For a 422, {@code field} is the path of the bad field
     * ({@code spec.containers[0].image}) and {@code reason} one of {@code FieldValueRequired},
     * {@code FieldValueInvalid}, {@code FieldValueNotSupported}, {@code FieldValueDuplicate},
     * {@code FieldValueForbidden}, {@code FieldValueTooLong}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cause(String reason, String message, String field) {
        public static Cause required(String field) {
            return new Cause("FieldValueRequired", "Required value", field);
        }

        /** A missing value with Kubernetes' explanation ({@code Required value: name or generateName is required}). */
        public static Cause required(String field, String detail) {
            return detail == null || detail.isEmpty()
                    ? required(field)
                    : new Cause("FieldValueRequired", "Required value: " + detail, field);
        }

        public static Cause invalid(String field, Object value, String detail) {
            return new Cause("FieldValueInvalid", "Invalid value: " + quote(value) + ": " + detail, field);
        }

        public static Cause notSupported(String field, Object value, List<String> supported) {
            return new Cause("FieldValueNotSupported", "Unsupported value: " + quote(value)
                    + ": supported values: " + String.join(", ", supported.stream().map(Cause::quote).toList()), field);
        }

        public static Cause duplicate(String field, Object value) {
            return new Cause("FieldValueDuplicate", "Duplicate value: " + quote(value), field);
        }

        public static Cause forbidden(String field, String detail) {
            return new Cause("FieldValueForbidden", "Forbidden: " + detail, field);
        }

        public static Cause tooLong(String field, int max) {
            return new Cause("FieldValueTooLong", "Too long: must have at most " + max + " characters", field);
        }

        /** {@code field: message}, as Kubernetes prints a cause inside an Invalid message. */
        public String describe() {
            return field == null ? message : field + ": " + message;
        }

        private static String quote(Object value) {
            return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        }
    }
}
