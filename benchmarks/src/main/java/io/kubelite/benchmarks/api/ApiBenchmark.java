package io.kubelite.benchmarks.api;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import tools.jackson.databind.json.JsonMapper;

/**
 * Load tool for a running API server: creates pods from concurrent clients while a watch follows them,
 * lists them, and reports throughput, latency, watch delivery and how the CPU was shared.
 */
public final class ApiBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WATCH_OPEN_WAIT = Duration.ofSeconds(5);
    private static final Duration WATCH_DRAIN_LIMIT = Duration.ofSeconds(30);
    private static final int PAGE_SIZE = 500;
    private static final IntFunction<String> POD_NAME = pod -> "pod-" + pod;

    private final BenchmarkOptions options;
    private final ApiClient api;
    private final CpuSampler cpu;

    ApiBenchmark(BenchmarkOptions options) {
        this.options = options;
        this.api = new ApiClient(options.server());
        this.cpu = new CpuSampler(ProcessHandle.current().pid(), options.serverPid(), options.postgresPid());
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args, "bench-" + Long.toString(System.currentTimeMillis(), 36));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            BenchmarkReport report = new ApiBenchmark(options).run();
            System.out.print(ReportFormatter.text(report));
            if (options.out() != null) {
                boolean markdown = options.out().getFileName().toString().endsWith(".md");
                Files.writeString(options.out(),
                        markdown ? ReportFormatter.markdown(report) : ReportFormatter.json(report));
                System.out.println("report written to " + options.out());
            }
        } catch (BenchmarkFailure e) {
            System.err.println("benchmark failed: " + e.getMessage());
            System.exit(1);
        }
    }

    BenchmarkReport run() throws IOException, InterruptedException {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        int cores = Runtime.getRuntime().availableProcessors();
        CreateLoad load = new CreateLoad(api, options.clients(), options.timeLimit());
        createNamespace(options.namespace());
        try {
            CreatePhase warmup = options.warmup() > 0 ? warmUp(load) : null;

            WatchRecorder watch = openWatch(listResourceVersion(options.namespace()));
            CpuSampler.Snapshot before = CpuSampler.take();
            CreateRun run = load.run(options.namespace(), options.pods(), POD_NAME);
            CpuSplit cpuSplit = cpu.between(before, CpuSampler.take(), cores);
            watch.awaitAdded(run.createdCount(), WATCH_DRAIN_LIMIT);
            watch.cancel();
            WatchDelivery delivery = WatchDelivery.of(run, POD_NAME, watch.addedArrivals(), watch.duplicateAdds(),
                    watch.eventsByType(), watch.endReason());

            ListPhase lists = new ListPhase(api);
            int maxPages = options.pods() / PAGE_SIZE + 2;
            List<ListTiming> listTimings = List.of(lists.full(options.namespace()),
                    lists.paged(options.namespace(), PAGE_SIZE, maxPages));

            CreatePhase creates = CreatePhase.of(run);
            return new BenchmarkReport(options.server().toString(), options.namespace(), options.pods(),
                    options.clients(), cores, startedAt, warmup, creates, delivery, listTimings, cpuSplit,
                    GoalCheck.of(creates, delivery));
        } finally {
            if (!options.keep()) {
                deleteNamespace(options.namespace());
            }
        }
    }

    // Warm-up pods live in their own namespace so the measured namespace holds exactly the measured pods.
    private CreatePhase warmUp(CreateLoad load) throws IOException, InterruptedException {
        String namespace = options.warmupNamespace();
        createNamespace(namespace);
        try {
            return CreatePhase.of(load.run(namespace, options.warmup(), pod -> "warmup-" + pod));
        } finally {
            if (!options.keep()) {
                deleteNamespace(namespace);
            }
        }
    }

    private void createNamespace(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = send(() -> api.post("/api/v1/namespaces", Manifests.namespace(name)));
        if (response.statusCode() != 201) {
            throw new BenchmarkFailure("creating namespace " + name + " gave HTTP " + response.statusCode()
                    + (response.statusCode() == 409 ? " (it exists: pick a fresh --namespace)" : "")
                    + ": " + response.body());
        }
    }

    private void deleteNamespace(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = send(() -> api.delete("/api/v1/namespaces/" + name));
        if (response.statusCode() >= 300) {
            System.err.println("deleting namespace " + name + " gave HTTP " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private String listResourceVersion(String namespace) throws IOException, InterruptedException {
        HttpResponse<String> response = send(() -> api.get(ListPhase.podsPath(namespace)));
        if (response.statusCode() != 200) {
            throw new BenchmarkFailure("listing " + namespace + " gave HTTP " + response.statusCode());
        }
        String resourceVersion = JSON.readTree(response.body()).path("metadata").path("resourceVersion").asString("");
        if (resourceVersion.isEmpty()) {
            throw new BenchmarkFailure("the pod list of " + namespace + " carries no metadata.resourceVersion");
        }
        return resourceVersion;
    }

    /**
     * Opens the watch before the first create. Waiting for its headers keeps the stream's setup out of the
     * measured phase; a server that sends headers only with the first event still loses nothing, since the
     * watch resumes from the list's revision.
     */
    private WatchRecorder openWatch(String resourceVersion) throws InterruptedException {
        WatchRecorder recorder = new WatchRecorder();
        CountDownLatch headers = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger();
        api.stream(ListPhase.podsPath(options.namespace()) + "?watch=true&resourceVersion="
                + ApiClient.query(resourceVersion), code -> {
                    status.set(code);
                    headers.countDown();
                }, recorder);
        if (headers.await(WATCH_OPEN_WAIT.toMillis(), TimeUnit.MILLISECONDS) && status.get() != 200) {
            throw new BenchmarkFailure("opening the watch gave HTTP " + status.get());
        }
        return recorder;
    }

    private static HttpResponse<String> send(Call call) throws IOException, InterruptedException {
        try {
            return call.send();
        } catch (java.net.ConnectException e) {
            throw new BenchmarkFailure("cannot connect to the API server: " + e);
        }
    }

    @FunctionalInterface
    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    /** The run cannot go on; the message says why. */
    static final class BenchmarkFailure extends RuntimeException {
        BenchmarkFailure(String message) {
            super(message);
        }
    }
}
