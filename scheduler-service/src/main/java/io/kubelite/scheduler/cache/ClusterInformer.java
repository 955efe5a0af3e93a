package io.kubelite.scheduler.cache;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.store.ListOptions;
import io.kubelite.store.ObjectList;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.Watch;
import io.kubelite.store.WatchEvent;
import io.kubelite.store.WatchListener;
import io.kubelite.store.WatchOptions;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cache in step with the store: lists nodes and pods, then watches each from its list's revision, so
 * nothing is missed. When a watch ends (410 Expired after falling behind, or the store failing), the next
 * {@link #syncIfNeeded} lists again.
 */
public final class ClusterInformer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterInformer.class);

    private final ObjectStore store;
    private final ClusterCache cache;
    private volatile boolean needsSync = true;
    private Watch nodeWatch;
    private Watch podWatch;

    public ClusterInformer(ObjectStore store, ClusterCache cache) {
        this.store = store;
        this.cache = cache;
    }

    /** Whether the cache follows the store (the last list succeeded and its watches run). */
    public boolean isSynced() {
        return !needsSync;
    }

    /** Lists and watches again if this has never been done or a watch ended; runs on the scheduling thread. */
    public void syncIfNeeded() {
        if (!needsSync) {
            return;
        }
        closeWatches();
        needsSync = false;
        try {
            ObjectList nodes = store.list(ResourceKind.NODE, ListOptions.all());
            cache.replaceNodes(nodes.items());
            nodeWatch = store.watch(ResourceKind.NODE, from(nodes.resourceVersion()),
                    listener("nodes", event -> cache.applyNodeEvent(event.type(), event.object())));
            ObjectList pods = store.list(ResourceKind.POD, ListOptions.all());
            cache.replacePods(pods.items(), pods.resourceVersion());
            podWatch = store.watch(ResourceKind.POD, from(pods.resourceVersion()),
                    listener("pods", event -> cache.applyPodEvent(event.type(), event.object(), event.revision())));
            log.info("Watching {} nodes and {} pods from the store", nodes.items().size(), pods.items().size());
        } catch (RuntimeException e) {
            needsSync = true;
            throw e;
        }
    }

    private static WatchOptions from(long revision) {
        return new WatchOptions(null, null, null, revision);
    }

    private WatchListener listener(String what, Consumer<WatchEvent> apply) {
        return new WatchListener() {
            @Override
            public void onEvent(WatchEvent event) {
                apply.accept(event);
            }

            @Override
            public void onError(StatusException error) {
                log.warn("The watch of {} ended ({}); listing again", what, error.getMessage());
                needsSync = true;
                cache.wakeUp();
            }
        };
    }

    private void closeWatches() {
        if (nodeWatch != null) {
            nodeWatch.close();
            nodeWatch = null;
        }
        if (podWatch != null) {
            podWatch.close();
            podWatch = null;
        }
    }

    @Override
    public void close() {
        closeWatches();
    }
}
