package io.kubelite.model.meta;

import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A value that is a JSON integer or a JSON string, as Kubernetes' {@code intstr.IntOrString}; used for
 * {@code maxSurge: 1} or {@code maxSurge: "25%"} and for probe ports ({@code 8080} or {@code "http"}).
 */
@JsonDeserialize(using = IntOrString.Reader.class)
public record IntOrString(Integer intValue, String stringValue) {

    public IntOrString {
        if ((intValue == null) == (stringValue == null)) {
            throw new IllegalArgumentException("exactly one of an integer or a string is required");
        }
    }

    public static IntOrString of(int value) {
        return new IntOrString(value, null);
    }

    public static IntOrString of(String value) {
        return new IntOrString(null, value);
    }

    public boolean isInt() {
        return intValue != null;
    }

    /**
     * The absolute amount for a total, as Kubernetes' {@code GetScaledValueFromIntOrPercent}: an integer is
     * itself, {@code "25%"} is a quarter of the total rounded up or down.
     *
     * @throws IllegalArgumentException when the string is not a percentage
     */
    public int scaledValue(int total, boolean roundUp) {
        if (isInt()) {
            return intValue;
        }
        if (!stringValue.endsWith("%")) {
            throw new IllegalArgumentException(
                    "invalid value for IntOrString: invalid type: string is not a percentage");
        }
        int percent;
        try {
            percent = Integer.parseInt(stringValue.substring(0, stringValue.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid value \"" + stringValue + "\": " + e.getMessage());
        }
        long scaled = (long) percent * total;
        return (int) (roundUp ? -Math.floorDiv(-scaled, 100) : Math.floorDiv(scaled, 100));
    }

    @JsonValue
    Object json() {
        return isInt() ? intValue : stringValue;
    }

    @Override
    public String toString() {
        return String.valueOf(json());
    }

    static final class Reader extends ValueDeserializer<IntOrString> {
        @Override
        public IntOrString deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT) {
                return IntOrString.of(parser.getIntValue());
            }
            if (token == JsonToken.VALUE_STRING) {
                return IntOrString.of(parser.getString());
            }
            return context.reportInputMismatch(IntOrString.class, "must be an integer or a string, not %s", token);
        }
    }
}
