package io.kubelite.benchmarks.startup;

import io.kubelite.benchmarks.api.ApiClient;
import io.kubelite.benchmarks.api.LatencySummary;
import io.kubelite.benchmarks.api.Manifests;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

/**
 * Pod startup latency of a running kube-lite (API server, scheduler, node agents): creates pods at a steady
 * rate and measures, for each, the time from sending its create to a watcher seeing it Running, as
 * Kubernetes' pod startup SLO does.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks-0.1.0.jar io.kubelite.benchmarks.startup.PodStartupBenchmark \
 *     [--server http://localhost:8080] [--pods 200] [--rate 20] [--image kubelite/busybox:1] [--timeout 120]
 * </pre>
 */
public final class PodStartupBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WATCH_OPEN_LIMIT = Duration.ofSeconds(10);
    private static final Duration CLEANUP_LIMIT = Duration.ofSeconds(120);

    private final Options options;
    private final ApiClient api;

    private PodStartupBenchmark(Options options) {
        this.options = options;
        this.api = new ApiClient(options.server());
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new PodStartupBenchmark(options).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        String namespace = "startup-" + Long.toString(System.currentTimeMillis(), 36);
        expect(api.post("/api/v1/namespaces", Manifests.namespace(namespace)), 201, "create namespace");
        try {
            return measure(namespace);
        } finally {
            deletePodsAndWait(namespace);
            api.delete("/api/v1/namespaces/" + namespace);
        }
    }

    /**
     * Deletes the pods gracefully, so their node agents stop and remove the containers, and waits until they are
     * gone: deleting the namespace alone removes the pods at once and leaves the cleanup to a later sync.
     */
    private void deletePodsAndWait(String namespace) throws Exception {
        String podsPath = "/api/v1/namespaces/" + namespace + "/pods";
        for (int i = 0; i < options.pods(); i++) {
            api.delete(podsPath + "/pod-" + i);
        }
        long deadline = System.nanoTime() + CLEANUP_LIMIT.toNanos();
        int left;
        while ((left = JSON.readTree(api.get(podsPath).body()).path("items").size()) > 0) {
            if (System.nanoTime() > deadline) {
                System.err.println(left + " pods were still being deleted after " + CLEANUP_LIMIT.toSeconds() + " s");
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    private boolean measure(String namespace) throws Exception {
        String podsPath = "/api/v1/namespaces/" + namespace + "/pods";
        String revision = JSON.readTree(expect(api.get(podsPath), 200, "list pods").body())
                .path("metadata").path("resourceVersion").asString();
        RunningRecorder recorder = new RunningRecorder();
        api.stream(podsPath + "?watch=true&resourceVersion=" + revision, status -> { }, recorder);
        if (!recorder.awaitSubscribed(WATCH_OPEN_LIMIT)) {
            System.err.println("the pod watch did not open within " + WATCH_OPEN_LIMIT.toSeconds() + " s");
            return false;
        }

        System.out.printf("creating %d pods at %d/s (image %s)%n", options.pods(), options.rate(), options.image());
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        AtomicInteger createErrors = new AtomicInteger();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / options.rate();
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < options.pods(); i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String name = "pod-" + i;
                senders.submit(() -> {
                    sentAt.put(name, System.nanoTime());
                    HttpResponse<String> response = api.post(podsPath, pod(namespace, name));
                    if (response.statusCode() != 201) {
                        createErrors.incrementAndGet();
                        sentAt.remove(name);
                        System.err.println("create " + name + ": HTTP " + response.statusCode() + " " + response.body());
                    }
                    return null;
                });
            }
        } finally {
            senders.shutdown();
            senders.awaitTermination(1, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("created %d pods in %.1f s (%.1f/s), %d errors; waiting for them to run%n",
                sentAt.size(), seconds, sentAt.size() / seconds, createErrors.get());

        boolean settled = recorder.awaitSettled(sentAt.size(), Duration.ofSeconds(options.timeoutSeconds()));
        String ended = recorder.endReason();
        recorder.cancel();
        Map<String, Long> running = recorder.runningArrivals();
        long[] latencies = sentAt.entrySet().stream().filter(e -> running.containsKey(e.getKey()))
                .mapToLong(e -> running.get(e.getKey()) - e.getValue()).toArray();
        LatencySummary summary = LatencySummary.ofNanos(latencies);
        System.out.printf("pod startup latency (create sent -> Running seen by a watch), %d of %d pods: "
                        + "p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                summary.count(), options.pods(), summary.p50Ms(), summary.p90Ms(), summary.p99Ms(), summary.maxMs());
        recorder.failures().forEach((name, why) -> System.out.println("failed: " + name + ": " + why));
        if (!settled) {
            System.out.println("not every pod ran within " + options.timeoutSeconds() + " s"
                    + (ended == null ? "" : " (" + ended + ")"));
        }
        return settled && createErrors.get() == 0 && recorder.failures().isEmpty();
    }

    private String pod(String namespace, String name) {
        return """
                {"apiVersion":"v1","kind":"Pod",\
                "metadata":{"name":"%s","namespace":"%s","labels":{"app":"startup-bench"}},\
                "spec":{"terminationGracePeriodSeconds":1,"containers":[{"name":"main","image":"%s",\
                "command":["sleep","3600"],"resources":{"requests":{"cpu":"5m","memory":"8Mi"}}}]}}"""
                .formatted(name, namespace, options.image());
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    record Options(URI server, int pods, int rate, String image, int timeoutSeconds) {

        static final String USAGE = "options: [--server http://localhost:8080] [--pods 200] [--rate 20] "
                + "[--image kubelite/busybox:1] [--timeout 120]";

        static Options parse(String[] args) {
            URI server = URI.create("http://localhost:8080");
            int pods = 200;
            int rate = 20;
            String image = "kubelite/busybox:1";
            int timeout = 120;
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("each option takes a value: " + Arrays.toString(args));
            }
            for (int i = 0; i < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--server" -> server = URI.create(value);
                    case "--pods" -> pods = positive(args[i], value);
                    case "--rate" -> rate = positive(args[i], value);
                    case "--image" -> image = value;
                    case "--timeout" -> timeout = positive(args[i], value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(server, pods, rate, image, timeout);
        }

        private static int positive(String option, String value) {
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " needs a positive whole number, not " + value);
        }
    }
}
