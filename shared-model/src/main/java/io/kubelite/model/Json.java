package io.kubelite.model;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapping every part of kube-lite uses for API objects. */
public final class Json {

    /** Unknown fields are ignored, as the Kubernetes API does unless asked for strict validation. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Unknown fields fail the read, for the API's {@code fieldValidation=Strict}. */
    public static final JsonMapper STRICT_MAPPER = MAPPER.rebuild()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() { }
}
