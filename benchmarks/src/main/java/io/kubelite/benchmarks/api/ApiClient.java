package io.kubelite.benchmarks.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Flow;
import java.util.function.IntConsumer;

/** The few calls the benchmark makes to the Kubernetes-shaped API, over one shared HTTP/1.1 client. */
public final class ApiClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI server;
    private final HttpClient http;

    public ApiClient(URI server) {
        this.server = server;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), BodyHandlers.ofString());
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return http.send(request(path).DELETE().build(), BodyHandlers.ofString());
    }

    /**
     * Opens a streaming GET and hands each line of the body to {@code lines} as it arrives.
     * {@code onStatus} learns the HTTP status as soon as the response headers are in.
     */
    public void stream(String path, IntConsumer onStatus, Flow.Subscriber<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(server.resolve(path)).GET().build();
        http.sendAsync(request, info -> {
            onStatus.accept(info.statusCode());
            return BodySubscribers.fromLineSubscriber(lines);
        });
    }

    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }
}
