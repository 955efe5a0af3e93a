package io.kubelite.apiserver.web;

import io.kubelite.model.Json;
import io.kubelite.model.Status;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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

    /**
     * Writes a response straight to the servlet response. The body is JSON bytes already, so Spring
     * MVC's return value handling (content negotiation, converters, body advice) would only cost CPU.
     */
    public static void write(ResponseEntity<byte[]> entity, HttpServletResponse response) throws IOException {
        response.setStatus(entity.getStatusCode().value());
        entity.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        byte[] body = entity.getBody();
        if (body == null) {
            return;
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
