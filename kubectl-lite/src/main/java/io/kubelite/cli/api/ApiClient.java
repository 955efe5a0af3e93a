package io.kubelite.cli.api;

import io.kubelite.model.ResourceKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API server over HTTP. Objects are JSON trees, so that everything the server answers is kept (printed with
 * {@code -o json}, sent back on update) whether or not the client knows the field. A failed request throws
 * {@link ApiException} with the server's Status.
 */
public final class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String APPLICATION_JSON = "application/json";

    private final String server;
    private final String token;
    private final HttpClient http;

    public ApiClient(String server, String token) {
        this.server = server;
        this.token = token;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The server's address, such as {@code http://localhost:8080}. */
    public String server() {
        return server;
    }

    public ObjectNode get(ResourceKind kind, String namespace, String name) {
        return (ObjectNode) getJson(ResourcePaths.of(kind, namespace, name));
    }

    /** A list; a null namespace lists across all namespaces. */
    public ObjectNode list(ResourceKind kind, String namespace, ListOptions options) {
        return (ObjectNode) getJson(ResourcePaths.of(kind, namespace, null) + options.query(Map.of()));
    }

    public ObjectNode create(ResourceKind kind, String namespace, JsonNode object) {
        return (ObjectNode) send("POST", ResourcePaths.of(kind, namespace, null), object, APPLICATION_JSON);
    }

    public ObjectNode update(ResourceKind kind, String namespace, String name, JsonNode object) {
        return (ObjectNode) send("PUT", ResourcePaths.of(kind, namespace, name), object, APPLICATION_JSON);
    }

    /** A JSON merge patch (RFC 7386). */
    public ObjectNode patch(ResourceKind kind, String namespace, String name, JsonNode patch) {
        return (ObjectNode) send("PATCH", ResourcePaths.of(kind, namespace, name), patch, MERGE_PATCH);
    }

    /** Deletes with the server's default propagation; answers what the server returned (the object or a Status). */
    public JsonNode delete(ResourceKind kind, String namespace, String name) {
        return send("DELETE", ResourcePaths.of(kind, namespace, name), null, null);
    }

    /** GET of any API path (discovery, {@code /version}, subresources), answered as JSON. */
    public JsonNode getJson(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    /** GET of a text path such as a pod's log, whole. */
    public String getText(String pathAndQuery) {
        HttpResponse<String> response = exchange(request("GET", pathAndQuery, null, null),
                HttpResponse.BodyHandlers.ofString());
        failUnlessSuccessful(response.statusCode(), response.body());
        return response.body();
    }

    /**
     * GET of a streamed path (a followed log), for the caller to read and close. A refused request throws
     * {@link ApiException} before any of the stream is read.
     */
    public InputStream stream(String pathAndQuery) {
        HttpResponse<InputStream> response = exchange(request("GET", pathAndQuery, null, null),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() >= 300) {
            try (InputStream body = response.body()) {
                failUnlessSuccessful(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return response.body();
    }

    /** Any request with an optional JSON body; the answer as JSON. */
    public JsonNode send(String method, String pathAndQuery, JsonNode body, String contentType) {
        HttpResponse<String> response = exchange(request(method, pathAndQuery, body, contentType),
                HttpResponse.BodyHandlers.ofString());
        failUnlessSuccessful(response.statusCode(), response.body());
        return readJson(response.body());
    }

    /**
     * Watches a kind from the given resourceVersion (null: the current objects first, as ADDED), passing each event
     * to the handler until it answers false or the server ends the stream.
     */
    public void watch(ResourceKind kind, String namespace, ListOptions options, String resourceVersion,
                      Predicate<WatchEvent> handler) {
        Map<String, String> watch = resourceVersion == null ? Map.of("watch", "true")
                : Map.of("watch", "true", "resourceVersion", resourceVersion);
        String path = ResourcePaths.of(kind, namespace, null) + options.query(watch);
        try (InputStream body = stream(path);
             BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode event = readJson(line);
                if (!handler.test(new WatchEvent(event.path("type").asString(""), (ObjectNode) event.path("object")))) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest request(String method, String pathAndQuery, JsonNode body, String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server + pathAndQuery))
                .header("Accept", APPLICATION_JSON);
        if (token != null && !token.isEmpty()) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return builder.build();
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (ConnectException e) {
            URI uri = request.uri();
            throw new ConnectionException("The connection to the server " + uri.getHost() + ":" + uri.getPort()
                    + " was refused - did you specify the right host or port?", e);
        } catch (IOException e) {
            throw new ConnectionException("Unable to connect to the server " + server + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("interrupted while talking to " + server, e);
        }
    }

    private static void failUnlessSuccessful(int code, String body) {
        if (code < 300) {
            return;
        }
        JsonNode status = readStatus(body);
        String message = status.path("message").asString("");
        if (message.isEmpty()) {
            message = "the server responded with status code " + code + (body.isBlank() ? "" : ": " + body.strip());
        }
        throw new ApiException(code, status.path("reason").asString(""), message, status);
    }

    private static JsonNode readStatus(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return "Status".equals(node.path("kind").asString("")) ? node : MissingNode.getInstance();
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    private static JsonNode readJson(String body) {
        return body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
    }
}
