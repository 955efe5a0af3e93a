package io.kubelite.controller.support;

import io.kubelite.model.ResourceKind;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.Watch;
import io.kubelite.store.WatchEvent;
import io.kubelite.store.WatchListener;
import io.kubelite.store.WatchOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Follows, through a watch, the active pods (not being deleted, not finished) a ReplicaSet controls, and the most
 * there ever were at once: what a client of the API would see.
 */
public final class OwnedPods implements AutoCloseable {

    private final String ownerUid;
    private final Map<String, ObjectNode> active = new ConcurrentHashMap<>();
    private final AtomicInteger most = new AtomicInteger();
    private final Watch watch;

    public OwnedPods(ObjectStore store, ObjectNode owner) {
        this.ownerUid = owner.path("metadata").path("uid").asString();
        this.watch = store.watch(ResourceKind.POD, new WatchOptions("default", null, null,
                        Long.parseLong(owner.path("metadata").path("resourceVersion").asString())),
                new WatchListener() {
                    @Override
                    public void onEvent(WatchEvent event) {
                        seen(event);
                    }
                });
    }

    private synchronized void seen(WatchEvent event) {
        String name = event.object().path("metadata").path("name").asString();
        if (!WatchEvent.DELETED.equals(event.type()) && isActiveAndOwned(event.object())) {
            active.put(name, event.object());
        } else {
            active.remove(name);
        }
        most.accumulateAndGet(active.size(), Math::max);
    }

    private boolean isActiveAndOwned(JsonNode pod) {
        String phase = pod.path("status").path("phase").asString("");
        if (pod.path("metadata").has("deletionTimestamp") || phase.equals("Succeeded") || phase.equals("Failed")) {
            return false;
        }
        for (JsonNode ref : pod.path("metadata").path("ownerReferences")) {
            if (ownerUid.equals(ref.path("uid").asString()) && ref.path("controller").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    public int count() {
        return active.size();
    }

    public Map<String, ObjectNode> active() {
        return Map.copyOf(active);
    }

    /** The most active owned pods seen at once since the last reset. */
    public int most() {
        return most.get();
    }

    public synchronized void resetMost() {
        most.set(active.size());
    }

    @Override
    public void close() {
        watch.close();
    }
}
