package io.kubelite.agent.pod;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.model.core.Pod;
import io.kubelite.model.selector.FieldSelector;
import io.kubelite.store.ListOptions;
import io.kubelite.store.ObjectList;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.Watch;
import io.kubelite.store.WatchEvent;
import io.kubelite.store.WatchListener;
import io.kubelite.store.WatchOptions;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the cache of the hosted nodes' pods in step with the store and wakes each pod's worker on a change. Lists,
 * then watches from the list's revision so nothing is missed: with one node, only its pods
 * ({@code spec.nodeName=<node>}); with many virtual nodes, every pod, kept when bound to one of them. When the
 * watch ends (410 Expired after falling behind, or the store failing), the next {@link #syncIfNeeded} lists again.
 */
public final class PodInformer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PodInformer.class);

    private final ObjectStore store;
    private final PodCache cache;
    private final PodWorkers workers;
    private final Set<String> hostedNodes;
    private final FieldSelector selector;
    private volatile boolean needsSync = true;
    private Watch watch;

    public PodInformer(ObjectStore store, PodCache cache, PodWorkers workers, Set<String> hostedNodes) {
        this.store = store;
        this.cache = cache;
        this.workers = workers;
        this.hostedNodes = Set.copyOf(hostedNodes);
        this.selector = hostedNodes.size() == 1
                ? FieldSelector.parse("spec.nodeName=" + hostedNodes.iterator().next()) : null;
    }

    /** Whether the cache follows the store: the last list succeeded and its watch runs. */
    public boolean isSynced() {
        return !needsSync;
    }

    /** Lists and watches again if this has never been done or the watch ended. */
    public synchronized void syncIfNeeded() {
        if (!needsSync) {
            return;
        }
        close();
        needsSync = false;
        try {
            ObjectList list = store.list(ResourceKind.POD, new ListOptions(null, null, selector, 0, null));
            List<Pod> pods = list.items().stream().map(PodInformer::toPod).filter(this::hosted).toList();
            Set<String> gone = cache.replaceAll(pods);
            watch = store.watch(ResourceKind.POD, new WatchOptions(null, null, selector, list.resourceVersion()),
                    new Listener());
            pods.forEach(pod -> workers.enqueue(pod.metadata().uid()));
            gone.forEach(workers::enqueue);
            log.info("Watching the {} pods bound to {} hosted nodes", pods.size(), hostedNodes.size());
        } catch (RuntimeException e) {
            needsSync = true;
            throw e;
        }
    }

    private boolean hosted(Pod pod) {
        String node = PodFacts.nodeName(pod);
        return node != null && hostedNodes.contains(node);
    }

    private static Pod toPod(ObjectNode object) {
        return Json.MAPPER.treeToValue(object, Pod.class);
    }

    private final class Listener implements WatchListener {
        @Override
        public void onEvent(WatchEvent event) {
            Pod pod = toPod(event.object());
            String uid = pod.metadata().uid();
            if (WatchEvent.DELETED.equals(event.type()) || !hosted(pod)) {
                cache.remove(uid);
            } else if (!cache.put(pod)) {
                return;
            }
            workers.enqueue(uid);
        }

        @Override
        public void onError(StatusException error) {
            log.warn("The watch of pods ended ({}); listing again", error.getMessage());
            needsSync = true;
        }
    }

    @Override
    public synchronized void close() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }
}
