package io.kubelite.apiserver.resource;

import io.kubelite.apiserver.config.ApiServerProperties;
import io.kubelite.model.Json;
import io.kubelite.model.StatusException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads request bodies without ever holding more than the configured limit in memory: a declared
 * Content-Length over the limit is refused before reading, and a chunked body is cut off as soon as
 * it passes the limit.
 */
@Component
public class RequestBodies {

    private static final ObjectReader READER = Json.MAPPER.readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final long maxBytes;

    public RequestBodies(ApiServerProperties properties) {
        this.maxBytes = properties.maxRequestBytes().toBytes();
    }

    public byte[] read(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE));
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }

    /** The body as a JSON object; an empty, malformed or non-object body is a 400. */
    public ObjectNode readObject(HttpServletRequest request) {
        return parseObject(read(request));
    }

    public static ObjectNode parseObject(byte[] bytes) {
        JsonNode node = parse(bytes);
        if (!(node instanceof ObjectNode object)) {
            throw StatusException.badRequest("the request body must be a JSON object");
        }
        return object;
    }

    public static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw StatusException.badRequest("the request body is required");
        }
        try {
            return READER.readValue(bytes);
        } catch (JacksonException e) {
            throw StatusException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private StatusException tooLarge() {
        return StatusException.tooLarge("the request body is larger than the limit of " + maxBytes + " bytes");
    }
}
