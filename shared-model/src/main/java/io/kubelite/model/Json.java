package io.kubelite.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The one JSON mapping every part of kube-lite uses for API objects. */
public final class Json {

    /** Unknown fields are ignored, as the Kubernetes API does unless asked for strict validation. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("kubernetes-time")
                    .addSerializer(Instant.class, new TimeWriter())
                    .addDeserializer(Instant.class, new TimeReader()))
            .build();

    /** Unknown fields fail the read, for the API's {@code fieldValidation=Strict}. */
    public static final JsonMapper STRICT_MAPPER = MAPPER.rebuild()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() { }

    /** Kubernetes' {@code metav1.Time}: RFC 3339 in UTC with whole seconds ({@code 2024-05-01T10:00:00Z}). */
    static final class TimeWriter extends ValueSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(value.truncatedTo(ChronoUnit.SECONDS).toString());
        }
    }

    /** Any RFC 3339 timestamp, with an offset or {@code Z} and optional fractional seconds. */
    static final class TimeReader extends ValueDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return context.reportInputMismatch(Instant.class, "a time must be an RFC 3339 string, not %s",
                        parser.currentToken());
            }
            String text = parser.getString();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw context.weirdStringException(text, Instant.class,
                        "not an RFC 3339 time such as 2024-05-01T10:00:00Z");
            }
        }
    }
}
