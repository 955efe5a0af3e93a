package io.kubelite.model.quantity;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/** Reads a quantity from a JSON string or, as Kubernetes accepts, a JSON number taken as written. */
final class QuantityDeserializer extends ValueDeserializer<Quantity> {

    @Override
    public Quantity deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_STRING && !token.isNumeric()) {
            return context.reportInputMismatch(Quantity.class,
                    "a quantity must be a string or a number, not %s", token);
        }
        String text = parser.getString().strip();
        try {
            return Quantity.parse(text);
        } catch (IllegalArgumentException e) {
            throw context.weirdStringException(text, Quantity.class, e.getMessage());
        }
    }
}
