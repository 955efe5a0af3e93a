package io.kubelite.apiserver.support;

import io.kubelite.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** A plain HTTP client for the API server under test, speaking JSON. */
public final class ApiClient {

    public static final String JSON = "application/json";
    public static final String MERGE_PATCH = "application/merge-patch+json";
    public static final String JSON_PATCH = "application/json-patch+json";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public ApiResponse get(String path) {
        return send("GET", path, null, null);
    }

    public ApiResponse post(String path, Object body) {
        return send("POST", path, JSON, json(body));
    }

    public ApiResponse put(String path, Object body) {
        return send("PUT", path, JSON, json(body));
    }

    public ApiResponse mergePatch(String path, Object patch) {
        return send("PATCH", path, MERGE_PATCH, json(patch));
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null, null);
    }

    public ApiResponse send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return send(request.build());
    }

    public ApiResponse send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a watch (the path carries watch=true) and returns its event reader once headers arrived. */
    public WatchReader watch(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            return new WatchReader(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public static String json(Object body) {
        return body instanceof String s ? s : Json.MAPPER.writeValueAsString(body);
    }

    public static JsonNode parse(String text) {
        return Json.MAPPER.readTree(text);
    }
}
