package io.kubelite.benchmarks.api;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server speaking just enough of the pod API for the load tool's own tests: it keeps pod
 * names in memory, streams an ADDED line per create to an open watch, and pages lists by offset.
 */
final class StubApiServer implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("\"metadata\":\\{\"name\":\"([^\"]+)\"");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> pods = new ArrayList<>();
    private final BlockingQueue<String> watchLines = new LinkedBlockingQueue<>();
    private final List<String> requests = new ArrayList<>();

    StubApiServer() throws IOException {
        // without it, headers and body go out in two segments and each small response waits ~40 ms for an ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/namespaces", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        synchronized (this) {
            requests.add(method + " " + path + (query.isEmpty() ? "" : "?" + query));
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (method.equals("GET") && query.contains("watch=true")) {
            streamWatch(exchange);
        } else if (method.equals("POST") && path.endsWith("/pods")) {
            String name = name(body);
            synchronized (this) {
                pods.add(name);
            }
            watchLines.add("{\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":\""
                    + name + "\"}}}");
            respond(exchange, 201, body);
        } else if (method.equals("POST") || method.equals("DELETE")) {
            respond(exchange, method.equals("POST") ? 201 : 200, "{}");
        } else {
            respond(exchange, 200, list(query));
        }
    }

    private synchronized String list(String query) {
        Matcher limit = Pattern.compile("limit=(\\d+)").matcher(query);
        Matcher token = Pattern.compile("continue=(\\d+)").matcher(query);
        int from = token.find() ? Integer.parseInt(token.group(1)) : 0;
        int to = limit.find() ? Math.min(pods.size(), from + Integer.parseInt(limit.group(1))) : pods.size();
        StringBuilder items = new StringBuilder();
        for (int i = from; i < to; i++) {
            items.append(i > from ? "," : "").append("{\"metadata\":{\"name\":\"").append(pods.get(i)).append("\"}}");
        }
        String next = to < pods.size() ? Integer.toString(to) : "";
        return "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"7\",\"continue\":\"" + next + "\"},"
                + "\"items\":[" + items + "]}";
    }

    private void streamWatch(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            while (true) {
                String line = watchLines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (InterruptedException | IOException e) {
            // the client went away or the stub is closing
        }
    }

    private static String name(String body) {
        Matcher matcher = NAME.matcher(body);
        return matcher.find() ? matcher.group(1) : "unnamed";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
