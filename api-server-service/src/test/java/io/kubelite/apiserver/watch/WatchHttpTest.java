package io.kubelite.apiserver.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.apiserver.support.ApiResponse;
import io.kubelite.apiserver.support.ApiServerTest;
import io.kubelite.apiserver.support.Manifests;
import io.kubelite.apiserver.support.WatchReader;
import io.kubelite.model.ResourceKind;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.compaction.ChangeLogCompactor;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class WatchHttpTest extends ApiServerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Autowired
    ChangeLogCompactor compactor;

    @Autowired
    ObjectStore store;

    @Autowired
    MeterRegistry registry;

    /** A namespace of its own, so that other tests' writes do not show up in the watch. */
    private String pods() {
        String namespace = "watch-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/namespaces", Manifests.namespace(namespace)).code()).isEqualTo(201);
        return Manifests.collection(ResourceKind.POD, namespace);
    }

    private static String type(JsonNode event) {
        return event.path("type").asString();
    }

    private static String name(JsonNode event) {
        return event.path("object").path("metadata").path("name").asString();
    }

    @Test
    void aWatchFromTheListsResourceVersionSeesEveryLaterChangeInOrder() {
        String pods = pods();
        assertThat(api.post(pods, Manifests.pod("before")).code()).isEqualTo(201);
        ApiResponse list = api.get(pods);

        try (WatchReader watch = api.watch(pods + "?watch=true&resourceVersion=" + list.resourceVersion())) {
            assertThat(watch.code()).isEqualTo(200);
            assertThat(watch.contentType()).startsWith("application/json");
            assertThat(api.post(pods, Manifests.pod("after")).code()).isEqualTo(201);
            assertThat(api.mergePatch(pods + "/after", "{\"metadata\":{\"labels\":{\"step\":\"2\"}}}").code()).isEqualTo(200);
            assertThat(api.delete(pods + "/after").code()).isEqualTo(200);

            JsonNode added = watch.nextChange(WAIT);
            JsonNode modified = watch.nextChange(WAIT);
            JsonNode deleted = watch.nextChange(WAIT);
            assertThat(List.of(type(added), type(modified), type(deleted))).containsExactly("ADDED", "MODIFIED", "DELETED");
            assertThat(List.of(name(added), name(modified), name(deleted))).containsOnly("after");
            assertThat(added.path("object").path("kind").asString()).isEqualTo("Pod");
            assertThat(added.path("object").path("apiVersion").asString()).isEqualTo("v1");
            assertThat(modified.path("object").path("metadata").path("labels").path("step").asString()).isEqualTo("2");
            long addedVersion = Long.parseLong(added.path("object").path("metadata").path("resourceVersion").asString());
            long modifiedVersion = Long.parseLong(modified.path("object").path("metadata").path("resourceVersion").asString());
            assertThat(addedVersion).isGreaterThan(Long.parseLong(list.resourceVersion()));
            assertThat(modifiedVersion).isGreaterThan(addedVersion);
        }
    }

    @Test
    void aWatchWithoutResourceVersionStartsWithTheCurrentObjects() {
        String pods = pods();
        api.post(pods, Manifests.pod("one"));
        api.post(pods, Manifests.pod("two"));
        try (WatchReader watch = api.watch(pods + "?watch=1")) {
            JsonNode first = watch.nextChange(WAIT);
            JsonNode second = watch.nextChange(WAIT);
            assertThat(List.of(type(first), type(second))).containsOnly("ADDED");
            assertThat(List.of(name(first), name(second))).containsExactlyInAnyOrder("one", "two");

            api.post(pods, Manifests.pod("three"));
            JsonNode third = watch.nextChange(WAIT);
            assertThat(type(third)).isEqualTo("ADDED");
            assertThat(name(third)).isEqualTo("three");
        }
    }

    @Test
    void aWatchWithALabelSelectorSeesOnlyMatchingObjects() {
        String pods = pods();
        try (WatchReader watch = api.watch(pods + "?watch=true&labelSelector=tier%3Dfront")) {
            ObjectNode back = Manifests.pod("back");
            back.withObject("/metadata/labels").put("tier", "back");
            ObjectNode front = Manifests.pod("front");
            front.withObject("/metadata/labels").put("tier", "front");
            api.post(pods, back);
            api.post(pods, front);
            JsonNode event = watch.nextChange(WAIT);
            assertThat(type(event)).isEqualTo("ADDED");
            assertThat(name(event)).isEqualTo("front");
        }
    }

    @Test
    void bookmarksCarryTheRevisionTheWatchHasSeenWhenAllowed() {
        String pods = pods();
        ApiResponse list = api.get(pods);
        try (WatchReader watch = api.watch(pods + "?watch=true&allowWatchBookmarks=true&resourceVersion=" + list.resourceVersion())) {
            // A write elsewhere moves the revision on without an event for this watch.
            api.post("/api/v1/namespaces", Manifests.namespace("elsewhere-" + UUID.randomUUID().toString().substring(0, 8)));
            long written = store.currentRevision();
            JsonNode bookmark = watch.next(WAIT);
            while (Long.parseLong(bookmark.path("object").path("metadata").path("resourceVersion").asString()) < written) {
                bookmark = watch.next(WAIT);
            }
            assertThat(type(bookmark)).isEqualTo("BOOKMARK");
            assertThat(bookmark.path("object").path("kind").asString()).isEqualTo("Pod");
            assertThat(bookmark.path("object").path("apiVersion").asString()).isEqualTo("v1");
        }
    }

    @Test
    void noBookmarksAreSentUnlessAllowed() {
        String pods = pods();
        try (WatchReader watch = api.watch(pods + "?watch=true&timeoutSeconds=2&resourceVersion=" + api.get(pods).resourceVersion())) {
            api.post("/api/v1/namespaces", Manifests.namespace("quiet-" + UUID.randomUUID().toString().substring(0, 8)));
            assertThat(watch.awaitEnd(WAIT)).isEmpty();
        }
    }

    @Test
    void timeoutSecondsEndsTheStream() {
        String pods = pods();
        long start = System.nanoTime();
        try (WatchReader watch = api.watch(pods + "?watch=true&timeoutSeconds=1")) {
            assertThat(watch.code()).isEqualTo(200);
            watch.awaitEnd(WAIT);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), WAIT);
    }

    @Test
    void aWatchFromACompactedRevisionIsGoneBeforeTheStreamStarts() {
        String pods = pods();
        long old = Long.parseLong(api.get(pods).resourceVersion());
        api.post(pods, Manifests.pod("moves-on"));
        compactor.compactUpTo(store.currentRevision());

        ApiResponse gone = api.get(pods + "?watch=true&resourceVersion=" + old);
        assertThat(gone.code()).as(gone.toString()).isEqualTo(410);
        assertThat(gone.json().path("kind").asString()).isEqualTo("Status");
        assertThat(gone.reason()).isEqualTo("Expired");
        assertThat(gone.json().path("code").asInt()).isEqualTo(410);
    }

    @Test
    void openWatchesAreCountedAndNotTimedAsRequests() {
        String pods = pods();
        try (WatchReader watch = api.watch(pods + "?watch=true")) {
            assertThat(watch.code()).isEqualTo(200);
            String metrics = api.get("/actuator/prometheus").text();
            assertThat(metrics).containsPattern("kubelite_apiserver_watches_open(\\{[^}]*})? [1-9]");
            assertThat(metrics).contains("kubelite_apiserver_watch_requests_total{");
            assertThat(metrics).doesNotContainPattern("code=\"200\"[^}]*verb=\"watch\"");
        }
    }

    @Test
    void aClientThatDisconnectsFromAQuietWatchIsNoticedAndItsWatchClosed() throws IOException {
        String pods = pods();
        await(() -> openWatches() == 0, "earlier watches to close");

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.getOutputStream().write(("GET " + pods + "?watch=true HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 200");
            assertThat(openWatches()).isEqualTo(1);
        }

        // The tests probe quiet streams every 200ms: the second probe after the close fails.
        await(() -> openWatches() == 0, "the watch of the gone client to close");
    }

    private double openWatches() {
        return registry.get("kubelite.apiserver.watches.open").gauge().value();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
