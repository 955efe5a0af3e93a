package io.kubelite.apiserver.support;

import io.kubelite.model.Json;
import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An answer of the API server: code, headers and the JSON body. */
public record ApiResponse(int code, HttpHeaders headers, String text) {

    public JsonNode json() {
        return Json.MAPPER.readTree(text);
    }

    public ObjectNode object() {
        return (ObjectNode) json();
    }

    /** The {@code reason} of a Status body. */
    public String reason() {
        return json().path("reason").asString("");
    }

    public String resourceVersion() {
        return json().path("metadata").path("resourceVersion").asString("");
    }

    @Override
    public String toString() {
        return code + " " + text;
    }
}
