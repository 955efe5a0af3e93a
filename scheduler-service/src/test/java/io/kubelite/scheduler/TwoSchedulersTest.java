package io.kubelite.scheduler;

import static io.kubelite.scheduler.testing.NodeBuilder.node;
import static io.kubelite.scheduler.testing.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.core.Pod;
import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.store.leader.LeaderElector;
import io.kubelite.scheduler.testing.StoreObjects;
import io.kubelite.store.ListOptions;
import io.kubelite.store.Watch;
import io.kubelite.store.WatchEvent;
import io.kubelite.store.WatchListener;
import io.kubelite.store.WatchOptions;
import io.kubelite.store.testing.TestPostgres;
import io.kubelite.store.testing.TestStore;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Two scheduler replicas on one database, as a highly available deployment runs them. */
class TwoSchedulersTest {

    private final List<ConfigurableApplicationContext> schedulers = new ArrayList<>();
    private TestStore store;

    @AfterEach
    void stop() {
        schedulers.forEach(ConfigurableApplicationContext::close);
        if (store != null) {
            store.close();
        }
    }

    @Test
    void twoReplicasBindEveryPodExactlyOnceAndOvercommitNoNode() throws Exception {
        store = TestStore.onNewDatabase();
        startScheduler();
        startScheduler();
        IntStream.range(0, 50).forEach(i -> StoreObjects.create(store.store,
                node("node-" + i).allocatable("4", "8Gi", "50")));
        Map<String, AtomicInteger> bindsByUid = new ConcurrentHashMap<>();
        Map<String, Boolean> boundByUid = new ConcurrentHashMap<>();
        try (Watch history = store.store.watch(ResourceKind.POD,
                new WatchOptions(null, null, null, store.store.currentRevision()), new WatchListener() {
                    @Override
                    public void onEvent(WatchEvent event) {
                        String uid = event.object().path("metadata").path("uid").asString();
                        boolean bound = !event.object().path("spec").path("nodeName").asString().isEmpty();
                        Boolean before = boundByUid.put(uid, bound);
                        if (bound && !Boolean.TRUE.equals(before)) {
                            bindsByUid.computeIfAbsent(uid, u -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                })) {
            createPods(2000);

            await().atMost(Duration.ofSeconds(60)).until(() -> bindsByUid.size() == 2000);
            Thread.sleep(500);

            assertThat(bindsByUid.values()).allSatisfy(binds -> assertThat(binds.get()).isEqualTo(1));
        }
        Map<String, NodeInfo> nodes = new HashMap<>();
        for (var node : store.store.list(ResourceKind.NODE, ListOptions.all()).items()) {
            NodeInfo info = NodeInfo.of(Json.MAPPER.treeToValue(node, io.kubelite.model.core.Node.class));
            nodes.put(info.name(), info);
        }
        for (var object : store.store.list(ResourceKind.POD, ListOptions.all()).items()) {
            Pod pod = Json.MAPPER.treeToValue(object, Pod.class);
            nodes.computeIfPresent(pod.spec().nodeName(), (name, node) -> node.withPod(PodInfo.of(pod)));
        }
        assertThat(nodes.values()).allSatisfy(node -> {
            assertThat(node.requestedMilliCpu()).isLessThanOrEqualTo(node.allocatableMilliCpu());
            assertThat(node.requestedMemory()).isLessThanOrEqualTo(node.allocatableMemory());
            assertThat((long) node.podCount()).isLessThanOrEqualTo(node.allocatablePods());
        });
        assertThat(schedulers.stream().filter(s -> s.getBean(LeaderElector.class).isLeader())).hasSize(1);
    }

    @Test
    void theStandbyTakesOverWithinFiveSecondsWhenTheLeaderStopsOrLosesItsConnection() throws Exception {
        store = TestStore.onNewDatabase();
        ConfigurableApplicationContext first = startScheduler();
        await().atMost(Duration.ofSeconds(5)).until(() -> first.getBean(LeaderElector.class).isLeader());
        ConfigurableApplicationContext second = startScheduler();
        StoreObjects.create(store.store, node("worker"));

        long stopped = System.nanoTime();
        first.close();
        StoreObjects.create(store.store, pod("after-stop"));
        await().atMost(Duration.ofSeconds(5)).until(() -> isBound("after-stop"));
        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(5));

        ConfigurableApplicationContext third = startScheduler();
        long cut = System.nanoTime();
        terminateLockHolder();
        await().atMost(Duration.ofSeconds(5)).until(() -> !second.getBean(LeaderElector.class).isLeader()
                || third.getBean(LeaderElector.class).isLeader());
        StoreObjects.create(store.store, pod("after-cut"));
        await().atMost(Duration.ofSeconds(5)).until(() -> isBound("after-cut"));
        assertThat(Duration.ofNanos(System.nanoTime() - cut)).isLessThan(Duration.ofSeconds(5));
    }

    private ConfigurableApplicationContext startScheduler() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SchedulerApplication.class)
                .run("--kubelite.db.url=" + store.url, "--kubelite.db.user=" + TestPostgres.USER,
                        "--kubelite.db.password=", "--server.port=0");
        schedulers.add(context);
        return context;
    }

    private void createPods(int count) throws Exception {
        ExecutorService creators = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String cpu = List.of("50m", "90m", "120m").get(i % 3);
                String memory = List.of("100Mi", "150Mi", "200Mi").get(i % 3);
                String name = "pod-" + i;
                created.add(creators.submit(() -> StoreObjects.create(store.store, pod(name).requests(cpu, memory))));
            }
            for (Future<?> future : created) {
                future.get();
            }
        } finally {
            creators.shutdown();
        }
    }

    private boolean isBound(String name) {
        return !store.store.get(ResourceKind.POD, "default", name).path("spec").path("nodeName").asString().isEmpty();
    }

    /** Ends the session holding the scheduler's lock, as a network cut or a database restart would. */
    private void terminateLockHolder() throws Exception {
        try (Connection connection = store.dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND classid = hashtext('kube-lite')::oid AND objid = hashtext('scheduler')::oid AND granted");
        }
    }
}
