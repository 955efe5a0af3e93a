package io.kubelite.apiserver.logs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server where a node agent would listen, answering {@code /containerLogs/...} as each test says
 * and remembering the last request it received.
 */
final class AgentServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicReference<HttpHandler> answer = new AtomicReference<>();
    private final AtomicReference<URI> lastRequest = new AtomicReference<>();

    AgentServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/containerLogs/", exchange -> {
            lastRequest.set(exchange.getRequestURI());
            try (exchange) {
                answer.get().handle(exchange);
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** How the following requests are answered. */
    void answer(HttpHandler handler) {
        answer.set(handler);
    }

    /** Path and query of the last request, as sent. */
    String lastRequest() {
        URI uri = lastRequest.get();
        return uri == null ? null : uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static void send(HttpExchange exchange, int code, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Starts a chunked 200 text/plain answer; each {@link #chunk} is flushed at once. */
    static OutputStream startStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    static void chunk(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
