package io.kubelite.benchmarks.api;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Creates pods from a fixed number of concurrent clients, each taking the next pod until all are done. */
final class CreateLoad {

    private final ApiClient api;
    private final int clients;
    private final Duration timeLimit;

    CreateLoad(ApiClient api, int clients, Duration timeLimit) {
        this.api = api;
        this.clients = clients;
        this.timeLimit = timeLimit;
    }

    /**
     * Creates {@code count} pods named by {@code podName} in {@code namespace}. Stops issuing creates once
     * the time limit has passed; those pods stay {@link CreateRun#NOT_ATTEMPTED}.
     */
    CreateRun run(String namespace, int count, IntFunction<String> podName) throws InterruptedException {
        String path = "/api/v1/namespaces/" + namespace + "/pods";
        String[] bodies = new String[count];
        for (int pod = 0; pod < count; pod++) {
            bodies[pod] = Manifests.pod(namespace, podName.apply(pod));
        }
        int[] status = new int[count];
        long[] latency = new long[count];
        long[] ack = new long[count];
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + timeLimit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int client = 0; client < clients; client++) {
            pool.execute(() -> {
                for (int pod = next.getAndIncrement(); pod < count && System.nanoTime() < deadline;
                     pod = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    status[pod] = send(path, bodies[pod]);
                    ack[pod] = System.nanoTime();
                    latency[pod] = ack[pod] - sent;
                }
            });
        }
        pool.shutdown();
        // Every request has its own timeout, so the pool drains shortly after the deadline.
        if (!pool.awaitTermination(timeLimit.toSeconds() + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("create clients did not finish within the time limit");
        }
        return new CreateRun(start, status, latency, ack);
    }

    private int send(String path, String body) {
        try {
            HttpResponse<String> response = api.post(path, body);
            return response.statusCode();
        } catch (IOException e) {
            return CreateRun.TRANSPORT_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CreateRun.TRANSPORT_ERROR;
        }
    }
}
