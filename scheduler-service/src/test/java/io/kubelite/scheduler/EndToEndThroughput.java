package io.kubelite.scheduler;

import io.kubelite.model.ResourceKind;
import io.kubelite.scheduler.testing.NodeBuilder;
import io.kubelite.scheduler.testing.PodBuilder;
import io.kubelite.scheduler.testing.StoreObjects;
import io.kubelite.store.Watch;
import io.kubelite.store.WatchEvent;
import io.kubelite.store.WatchListener;
import io.kubelite.store.WatchOptions;
import io.kubelite.store.testing.TestPostgres;
import io.kubelite.store.testing.TestStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures the scheduler end to end on PostgreSQL: with a scheduler running and the nodes written, creates the
 * pods at once (32 threads) and prints pods per second from the first creation to the last bind a watch sees.
 * Run with
 * {@code mvn -B -ntp -pl scheduler-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.kubelite.scheduler.EndToEndThroughput -Dexec.args="5000 10000"}; arguments after the node
 * and pod counts go to the scheduler.
 */
public final class EndToEndThroughput {

    private EndToEndThroughput() { }

    public static void main(String[] args) throws Exception {
        int nodeCount = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int podCount = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        try (TestStore store = TestStore.onNewDatabase();
             ConfigurableApplicationContext scheduler = new SpringApplicationBuilder(SchedulerApplication.class)
                     .run(schedulerArguments(store.url, args))) {
            long start = System.nanoTime();
            inParallel(nodeCount, i -> StoreObjects.create(store.store,
                    NodeBuilder.node("node-" + i).allocatable("32", "128Gi", "110")));
            System.out.printf("Wrote %d nodes in %.1f s%n", nodeCount, (System.nanoTime() - start) / 1e9);

            Set<String> bound = ConcurrentHashMap.newKeySet();
            CountDownLatch allBound = new CountDownLatch(1);
            try (Watch watch = store.store.watch(ResourceKind.POD,
                    new WatchOptions(null, null, null, store.store.currentRevision()), new WatchListener() {
                        @Override
                        public void onEvent(WatchEvent event) {
                            if (!event.object().path("spec").path("nodeName").asString().isEmpty()
                                    && bound.add(event.object().path("metadata").path("name").asString())
                                    && bound.size() == podCount) {
                                allBound.countDown();
                            }
                        }
                    })) {
                String[] cpus = {"100m", "250m", "500m", "1"};
                String[] memories = {"128Mi", "256Mi", "512Mi", "1Gi"};
                long created = System.nanoTime();
                inParallel(podCount, i -> StoreObjects.create(store.store,
                        PodBuilder.pod("pod-" + i).requests(cpus[i % 4], memories[(i / 4) % 4])));
                System.out.printf("Created %d pods in %.2f s%n", podCount, (System.nanoTime() - created) / 1e9);
                boolean done = allBound.await(5, TimeUnit.MINUTES);
                double seconds = (System.nanoTime() - created) / 1e9;
                System.out.printf("%s %d of %d pods on %d nodes %.2f s after the first was created = %.0f pods/s%n",
                        done ? "Bound" : "Timed out with", bound.size(), podCount, nodeCount, seconds,
                        bound.size() / seconds);
            }
        }
        System.exit(0);
    }

    /** The database and a free port, then any arguments after the counts (e.g. --kubelite.scheduler.*). */
    private static String[] schedulerArguments(String url, String[] args) {
        List<String> arguments = new ArrayList<>(List.of("--kubelite.db.url=" + url,
                "--kubelite.db.user=" + TestPostgres.USER, "--kubelite.db.password=", "--server.port=0"));
        arguments.addAll(List.of(args).subList(Math.min(2, args.length), args.length));
        return arguments.toArray(String[]::new);
    }

    private interface Indexed {
        void run(int index);
    }

    private static void inParallel(int count, Indexed task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
