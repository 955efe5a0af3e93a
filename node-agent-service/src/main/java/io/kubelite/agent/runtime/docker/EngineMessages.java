package io.kubelite.agent.runtime.docker;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The engine's own words from a docker-java failure, which wraps them as {@code Status 404: {"message":...}}. */
final class EngineMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineMessages() { }

    static String of(Throwable failure) {
        String text = failure.getMessage();
        if (text == null) {
            return failure.getClass().getSimpleName();
        }
        int body = text.indexOf('{');
        if (body >= 0) {
            try {
                JsonNode message = JSON.readTree(text.substring(body)).get("message");
                if (message != null && message.isTextual()) {
                    return message.asText();
                }
            } catch (JacksonException e) {
                // not a JSON body: the text is the message
            }
        }
        return text.strip();
    }
}
