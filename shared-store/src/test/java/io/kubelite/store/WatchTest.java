package io.kubelite.store;

import static io.kubelite.store.TestObjects.labeled;
import static io.kubelite.store.TestObjects.meta;
import static io.kubelite.store.TestObjects.pod;
import static io.kubelite.store.TestObjects.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.model.selector.FieldSelector;
import io.kubelite.model.selector.LabelSelector;
import io.kubelite.store.testing.TestStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

class WatchTest {

    @RegisterExtension
    static final TestStore fixture = TestStore.onNewDatabase();
    private static final ObjectStore store = fixture.store;
    private static final JdbcTemplate jdbc = new JdbcTemplate(fixture.dataSource);

    /** Records what a watch receives, and how far it has seen. */
    static final class Recorder implements WatchListener {
        final List<WatchEvent> events = new CopyOnWriteArrayList<>();
        final AtomicLong seen = new AtomicLong();
        final AtomicReference<StatusException> error = new AtomicReference<>();

        @Override
        public void onEvent(WatchEvent event) {
            events.add(event);
            seen.set(event.revision());
        }

        @Override
        public void onProgress(long revision) {
            seen.set(revision);
        }

        @Override
        public void onError(StatusException e) {
            error.set(e);
        }

        void awaitRevision(long revision) throws InterruptedException {
            Eventually.until(() -> seen.get() >= revision);
        }

        List<String> summary() {
            return events.stream().map(e -> e.type() + " " + meta(e.object(), "name")).toList();
        }
    }

    private static Watch watch(String namespace, String labels, String fields, long from, WatchListener listener) {
        return store.watch(ResourceKind.POD, new WatchOptions(namespace,
                labels == null ? null : LabelSelector.parse(labels),
                fields == null ? null : FieldSelector.parse(fields), from), listener);
    }

    private static List<Long> podRevisionsAfter(long from) {
        return jdbc.queryForList("SELECT revision FROM change_log WHERE kind = 'Pod' AND revision > ? ORDER BY revision",
                Long.class, from);
    }

    @Test
    void listThenWatchFromItsRevisionSeesEveryLaterChangeExactlyOnceInOrder() throws Exception {
        store.create(ResourceKind.NAMESPACE, TestObjects.namespace("churn"), WriteOptions.NONE);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            running.add(writers.submit(() -> churn(writer, 60)));
        }
        Thread.sleep(100);
        ObjectList list = store.list(ResourceKind.POD, ListOptions.inNamespace("churn"));
        Recorder recorder = new Recorder();
        try (Watch ignored = watch("churn", null, null, list.resourceVersion(), recorder)) {
            for (Future<?> future : running) {
                future.get();
            }
            writers.shutdown();
            long end = store.currentRevision();
            recorder.awaitRevision(end);

            List<Long> seen = recorder.events.stream().map(WatchEvent::revision).toList();
            assertThat(seen).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
            assertThat(seen).isEqualTo(podRevisionsAfter(list.resourceVersion()).stream().filter(r -> r <= end).toList());

            Map<String, Long> replayed = new TreeMap<>();
            list.items().forEach(item -> replayed.put(meta(item, "name"), revision(item)));
            for (WatchEvent event : recorder.events) {
                if (WatchEvent.DELETED.equals(event.type())) {
                    replayed.remove(meta(event.object(), "name"));
                } else {
                    replayed.put(meta(event.object(), "name"), event.revision());
                }
            }
            Map<String, Long> actual = new TreeMap<>();
            store.list(ResourceKind.POD, ListOptions.inNamespace("churn")).items()
                    .forEach(item -> actual.put(meta(item, "name"), revision(item)));
            assertThat(replayed).isEqualTo(actual);
        }
    }

    private static void churn(int writer, int steps) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < steps; i++) {
            String name = "w" + writer + "-" + random.nextInt(6);
            try {
                switch (random.nextInt(3)) {
                    case 0 -> store.create(ResourceKind.POD, pod("churn", name), WriteOptions.NONE);
                    case 1 -> store.update(ResourceKind.POD,
                            labeled(store.get(ResourceKind.POD, "churn", name), "step", Integer.toString(i)),
                            WriteOptions.NONE);
                    default -> store.delete(ResourceKind.POD, "churn", name, DeleteOptions.IMMEDIATE);
                }
            } catch (StatusException expected) {
                assertThat(expected.code()).isIn(404, 409);
            }
        }
    }

    @Test
    void noRevisionIsSkippedUnderManyConcurrentWriters() throws Exception {
        long from = store.currentRevision();
        Recorder recorder = new Recorder();
        try (Watch ignored = watch(null, null, null, from, recorder)) {
            ExecutorService writers = Executors.newFixedThreadPool(16);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 16; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        store.create(ResourceKind.POD, pod(null, "many-" + writer + "-" + i), WriteOptions.NONE);
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
            writers.shutdown();
            long end = store.currentRevision();
            recorder.awaitRevision(end);

            List<Long> logged = podRevisionsAfter(from).stream().filter(r -> r <= end).toList();
            assertThat(logged).hasSize(16 * 40);
            assertThat(recorder.events.stream().map(WatchEvent::revision).toList()).isEqualTo(logged);
        }
    }

    @Test
    void aWatchFromAnOlderRevisionReplaysThenFollowsLive() throws Exception {
        long from = store.currentRevision();
        store.create(ResourceKind.POD, pod(null, "replay-a"), WriteOptions.NONE);
        store.create(ResourceKind.POD, pod(null, "replay-b"), WriteOptions.NONE);
        Recorder recorder = new Recorder();
        try (Watch ignored = watch(null, "!nothing", "metadata.namespace=default", from, recorder)) {
            store.delete(ResourceKind.POD, "default", "replay-a", DeleteOptions.IMMEDIATE);

            recorder.awaitRevision(store.currentRevision());
            assertThat(recorder.summary()).containsExactly("ADDED replay-a", "ADDED replay-b", "DELETED replay-a");
            assertThat(recorder.events.get(2).object().path("metadata").path("resourceVersion").asString())
                    .isEqualTo(Long.toString(recorder.events.get(2).revision()));
        }
    }

    @Test
    void objectsMovingInAndOutOfAFilteredWatchArriveAsAddedAndDeleted() throws Exception {
        Recorder onNode = new Recorder();
        Recorder labeledWeb = new Recorder();
        long from = store.currentRevision();
        try (Watch node = watch(null, null, "spec.nodeName=n1", from, onNode);
             Watch web = watch(null, "app=web", null, from, labeledWeb)) {
            ObjectNode created = store.create(ResourceKind.POD, labeled(pod(null, "mover"), "app", "web"), WriteOptions.NONE);
            ObjectNode bound = created.deepCopy();
            ((ObjectNode) bound.get("spec")).put("nodeName", "n1");
            bound = store.update(ResourceKind.POD, bound, WriteOptions.NONE);
            ObjectNode relabeled = store.update(ResourceKind.POD, labeled(bound, "app", "db"), WriteOptions.NONE);
            ObjectNode running = relabeled.deepCopy();
            running.putObject("status").put("phase", "Running");
            store.updateStatus(ResourceKind.POD, running, WriteOptions.NONE);
            store.delete(ResourceKind.POD, "default", "mover", DeleteOptions.IMMEDIATE);

            long end = store.currentRevision();
            onNode.awaitRevision(end);
            labeledWeb.awaitRevision(end);
            assertThat(onNode.summary()).containsExactly("ADDED mover", "MODIFIED mover", "MODIFIED mover", "DELETED mover");
            assertThat(labeledWeb.summary()).containsExactly("ADDED mover", "MODIFIED mover", "DELETED mover");
        }
    }

    @Test
    void progressReportsTheRevisionSeenWithoutEvents() throws Exception {
        Recorder recorder = new Recorder();
        long from = store.currentRevision();
        try (Watch ignored = watch("kube-system", null, null, from, recorder)) {
            store.create(ResourceKind.POD, pod(null, "elsewhere"), WriteOptions.NONE);
            recorder.awaitRevision(store.currentRevision());
            assertThat(recorder.events).isEmpty();
        }
    }

    @Test
    void aListenerThatThrowsLosesItsWatch() throws Exception {
        List<WatchEvent> received = new CopyOnWriteArrayList<>();
        Recorder control = new Recorder();
        long from = store.currentRevision();
        try (Watch failing = watch(null, null, null, from, event -> {
                 received.add(event);
                 throw new IllegalStateException("listener broke");
             });
             Watch ok = watch(null, null, null, from, control)) {
            store.create(ResourceKind.POD, pod(null, "throw-1"), WriteOptions.NONE);
            store.create(ResourceKind.POD, pod(null, "throw-2"), WriteOptions.NONE);
            control.awaitRevision(store.currentRevision());

            assertThat(received).hasSize(1);
            assertThat(control.events).hasSize(2);
        }
    }

    @Test
    void theCurrentRevisionStaysRightWhenCompactionEmptiesTheChangeLog() throws Exception {
        ObjectNode last;
        Recorder dispatched = new Recorder();
        try (Watch ignored = watch(null, null, null, store.currentRevision(), dispatched)) {
            last = store.create(ResourceKind.POD, pod(null, "last-before-emptying"), WriteOptions.NONE);
            dispatched.awaitRevision(revision(last));
        }

        fixture.compactor.compactUpTo(Long.MAX_VALUE);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM change_log", Long.class)).isZero();
        assertThat(store.currentRevision()).isEqualTo(revision(last));
        assertThat(store.list(ResourceKind.POD, ListOptions.inNamespace("default")).resourceVersion())
                .isEqualTo(revision(last));
        ObjectNode next = store.create(ResourceKind.POD, pod(null, "first-after-emptying"), WriteOptions.NONE);
        assertThat(store.currentRevision()).isEqualTo(revision(next)).isGreaterThan(revision(last));
    }

    @Test
    void compactedRevisionsAreGoneForWatchesAndContinueTokens() throws Exception {
        store.create(ResourceKind.POD, pod(null, "before-compaction"), WriteOptions.NONE);
        ObjectList page = store.list(ResourceKind.POD, new ListOptions(null, null, null, 1, null));
        assertThat(page.continueToken()).isNotNull();
        long old = page.resourceVersion();
        store.create(ResourceKind.POD, pod(null, "after-list"), WriteOptions.NONE);

        long compacted = fixture.compactor.compactUpTo(store.currentRevision());

        assertThat(compacted).isEqualTo(store.currentRevision());
        assertThatThrownBy(() -> watch(null, null, null, old, new Recorder()))
                .isInstanceOf(StatusException.class)
                .extracting(e -> ((StatusException) e).code()).isEqualTo(410);
        assertThatThrownBy(() -> store.list(ResourceKind.POD, new ListOptions(null, null, null, 1, page.continueToken())))
                .isInstanceOf(StatusException.class)
                .extracting(e -> ((StatusException) e).code()).isEqualTo(410);

        Recorder fromCompacted = new Recorder();
        try (Watch ignored = watch(null, null, null, compacted, fromCompacted)) {
            store.create(ResourceKind.POD, pod(null, "after-compaction"), WriteOptions.NONE);
            fromCompacted.awaitRevision(store.currentRevision());
            assertThat(fromCompacted.summary()).containsExactly("ADDED after-compaction");
            assertThat(fromCompacted.error.get()).isNull();
        }
    }
}
