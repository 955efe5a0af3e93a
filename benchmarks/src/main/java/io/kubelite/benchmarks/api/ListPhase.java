package io.kubelite.benchmarks.api;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Times listing every pod of a namespace, in one request and in pages. */
final class ListPhase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double NANOS_PER_MS = 1_000_000.0;

    private final ApiClient api;

    ListPhase(ApiClient api) {
        this.api = api;
    }

    ListTiming full(String namespace) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = api.get(podsPath(namespace));
        double ms = (System.nanoTime() - start) / NANOS_PER_MS;
        int items = response.statusCode() == 200 ? JSON.readTree(response.body()).path("items").size() : 0;
        return new ListTiming("full", response.statusCode(), items, 1, bytes(response), ms, ms);
    }

    /** Follows {@code continue} tokens with the given page size, for at most {@code maxPages} requests. */
    ListTiming paged(String namespace, int pageSize, int maxPages) throws IOException, InterruptedException {
        int items = 0;
        int pages = 0;
        long bytes = 0;
        long requestNanos = 0;
        long slowest = 0;
        int status = 200;
        String token = "";
        do {
            String path = podsPath(namespace) + "?limit=" + pageSize
                    + (token.isEmpty() ? "" : "&continue=" + ApiClient.query(token));
            long start = System.nanoTime();
            HttpResponse<String> response = api.get(path);
            long took = System.nanoTime() - start;
            requestNanos += took;
            slowest = Math.max(slowest, took);
            pages++;
            bytes += bytes(response);
            status = response.statusCode();
            if (status != 200) {
                break;
            }
            JsonNode list = JSON.readTree(response.body());
            items += list.path("items").size();
            token = list.path("metadata").path("continue").asString("");
        } while (!token.isEmpty() && pages < maxPages);
        return new ListTiming("paged", status, items, pages, bytes, requestNanos / NANOS_PER_MS,
                slowest / NANOS_PER_MS);
    }

    static String podsPath(String namespace) {
        return "/api/v1/namespaces/" + namespace + "/pods";
    }

    private static long bytes(HttpResponse<String> response) {
        return response.body().getBytes(StandardCharsets.UTF_8).length;
    }
}
