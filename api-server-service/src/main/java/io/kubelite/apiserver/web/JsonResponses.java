package io.kubelite.apiserver.web;

import io.kubelite.model.Json;
import io.kubelite.model.Status;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Responses serialized with the model's own JSON mapping. The content type is set explicitly, so any
 * Accept header kubectl sends (Table, protobuf alternatives) gets plain JSON instead of a 406.
 */
public final class JsonResponses {

    private JsonResponses() { }

    public static ResponseEntity<byte[]> json(int code, Object body) {
        return ResponseEntity.status(code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Json.MAPPER.writeValueAsBytes(body));
    }

    public static ResponseEntity<byte[]> ok(Object body) {
        return json(200, body);
    }

    public static ResponseEntity<byte[]> status(Status status) {
        return json(status.code(), status);
    }
}
