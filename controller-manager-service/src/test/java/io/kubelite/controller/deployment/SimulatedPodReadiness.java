package io.kubelite.controller.deployment;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.Watch;
import io.kubelite.store.WatchEvent;
import io.kubelite.store.WatchListener;
import io.kubelite.store.WatchOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a node agent does for these tests: each new pod becomes Running and Ready a little after it appears, written
 * with {@code updateStatus} as an agent writes it. Pods whose image starts with {@code broken} never become ready.
 */
final class SimulatedPodReadiness implements AutoCloseable {

    private final ObjectStore store;
    private final Duration delay;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Watch watch;

    SimulatedPodReadiness(ObjectStore store, Duration delay) {
        this.store = store;
        this.delay = delay;
        this.watch = store.watch(ResourceKind.POD, new WatchOptions(null, null, null, store.currentRevision()),
                new WatchListener() {
                    @Override
                    public void onEvent(WatchEvent event) {
                        if (WatchEvent.ADDED.equals(event.type())) {
                            ObjectNode metadata = (ObjectNode) event.object().get("metadata");
                            String namespace = metadata.path("namespace").asString();
                            String name = metadata.path("name").asString();
                            timer.schedule(() -> makeReady(namespace, name), delay.toMillis(), TimeUnit.MILLISECONDS);
                        }
                    }

                    @Override
                    public void onError(StatusException error) {
                        throw error;
                    }
                });
    }

    private void makeReady(String namespace, String name) {
        try {
            ObjectNode pod = store.get(ResourceKind.POD, namespace, name);
            String image = pod.path("spec").path("containers").path(0).path("image").asString("");
            if (image.startsWith("broken") || !pod.path("metadata").path("deletionTimestamp").isMissingNode()) {
                return;
            }
            ObjectNode status = pod.putObject("status");
            status.put("phase", "Running");
            ObjectNode ready = status.putArray("conditions").addObject();
            ready.put("type", "Ready");
            ready.put("status", "True");
            ready.put("lastTransitionTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            store.updateStatus(ResourceKind.POD, pod, io.kubelite.store.WriteOptions.NONE);
        } catch (StatusException e) {
            if (e.code() == 409) {
                timer.schedule(() -> makeReady(namespace, name), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
            // 404: the pod went before it started.
        }
    }

    @Override
    public void close() {
        watch.close();
        timer.shutdownNow();
    }
}
