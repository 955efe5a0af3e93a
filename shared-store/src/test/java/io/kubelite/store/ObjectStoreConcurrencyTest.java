package io.kubelite.store;

import static io.kubelite.store.TestObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.store.testing.TestStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

class ObjectStoreConcurrencyTest {

    private static final int THREADS = 16;
    @RegisterExtension
    static final TestStore fixture = TestStore.onNewDatabase();
    private static final ObjectStore store = fixture.store;

    private static <T> List<T> runConcurrently(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void readModifyWriteWithRetryLosesNoUpdate() throws Exception {
        ObjectNode counter = pod(null, "counter");
        ((ObjectNode) counter.get("metadata")).putObject("annotations").put("count", "0");
        store.create(ResourceKind.POD, counter, WriteOptions.NONE);
        AtomicInteger conflicts = new AtomicInteger();
        List<String> otherFailures = new ArrayList<>();

        List<Integer> writes = runConcurrently(() -> {
            int successes = 0;
            for (int i = 0; i < 15; i++) {
                while (true) {
                    ObjectNode current = store.get(ResourceKind.POD, "default", "counter");
                    ObjectNode annotations = (ObjectNode) current.path("metadata").path("annotations");
                    annotations.put("count", Integer.toString(Integer.parseInt(annotations.path("count").asString()) + 1));
                    try {
                        store.update(ResourceKind.POD, current, WriteOptions.NONE);
                        successes++;
                        break;
                    } catch (StatusException e) {
                        if (e.code() == 409 && "Conflict".equals(e.reason())) {
                            conflicts.incrementAndGet();
                        } else {
                            synchronized (otherFailures) {
                                otherFailures.add(e.getMessage());
                            }
                            break;
                        }
                    }
                }
            }
            return successes;
        });

        int successful = writes.stream().mapToInt(Integer::intValue).sum();
        ObjectNode last = store.get(ResourceKind.POD, "default", "counter");
        assertThat(otherFailures).isEmpty();
        assertThat(successful).isEqualTo(THREADS * 15);
        assertThat(last.path("metadata").path("annotations").path("count").asString())
                .isEqualTo(Integer.toString(successful));
        assertThat(conflicts.get()).isPositive();
    }

    @Test
    void unconditionalUpdatesFromAStaleCopyNeverUndoConcurrentStatusWrites() throws Exception {
        ObjectNode stale = store.create(ResourceKind.POD, pod(null, "mixed"), WriteOptions.NONE);
        ((ObjectNode) stale.get("metadata")).remove("resourceVersion");
        AtomicInteger role = new AtomicInteger();

        runConcurrently(() -> {
            boolean statusWriter = role.incrementAndGet() % 2 == 0;
            for (int i = 0; i < 20; i++) {
                if (statusWriter) {
                    incrementStatusMessage();
                } else {
                    store.update(ResourceKind.POD, TestObjects.labeled(stale.deepCopy(), "i", "v" + i), WriteOptions.NONE);
                }
            }
            return null;
        });

        ObjectNode last = store.get(ResourceKind.POD, "default", "mixed");
        assertThat(last.path("status").path("message").asString()).isEqualTo(Integer.toString(THREADS / 2 * 20));
    }

    private static void incrementStatusMessage() {
        while (true) {
            ObjectNode current = store.get(ResourceKind.POD, "default", "mixed");
            ObjectNode status = (ObjectNode) current.get("status");
            status.put("message", Integer.toString(Integer.parseInt(status.path("message").asString("0")) + 1));
            try {
                store.updateStatus(ResourceKind.POD, current, WriteOptions.NONE);
                return;
            } catch (StatusException e) {
                assertThat(e.code()).isEqualTo(409);
            }
        }
    }

    @Test
    void concurrentCreatesOfOneNameHaveExactlyOneWinner() throws Exception {
        List<String> outcomes = runConcurrently(() -> {
            try {
                store.create(ResourceKind.POD, pod(null, "contested"), WriteOptions.NONE);
                return "created";
            } catch (StatusException e) {
                return e.code() + " " + e.reason();
            }
        });

        assertThat(outcomes).filteredOn("created"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.equals("created")).hasSize(THREADS - 1)
                .containsOnly("409 AlreadyExists");
    }
}
