package io.kubelite.controller.informer;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.store.ListOptions;
import io.kubelite.store.ObjectList;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.Watch;
import io.kubelite.store.WatchEvent;
import io.kubelite.store.WatchListener;
import io.kubelite.store.WatchOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-memory copy of every object of one kind, kept in step with the store: a list, then a watch from the
 * list's revision, so nothing is missed; when the watch ends (410 Expired after falling behind, or the store
 * failing) the next {@link #syncIfNeeded} lists again and reports every difference. Handlers learn of each
 * change on the store's dispatch thread and must not block: controllers only queue a key there.
 */
public final class Informer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Informer.class);

    /** What changed: {@code before} is null for an added object, {@code after} null for a deleted one. */
    public interface Handler {
        void onChange(ObjectNode before, ObjectNode after);
    }

    private final ObjectStore store;
    private final ResourceKind kind;
    private final Map<String, ObjectNode> objects = new ConcurrentHashMap<>();
    private final List<Handler> handlers = new CopyOnWriteArrayList<>();
    private volatile boolean needsSync = true;
    private volatile boolean synced;
    private Watch watch;

    public Informer(ObjectStore store, ResourceKind kind) {
        this.store = store;
        this.kind = kind;
    }

    public ResourceKind kind() {
        return kind;
    }

    public void addHandler(Handler handler) {
        handlers.add(handler);
    }

    /** Whether the copy has been filled at least once. */
    public boolean hasSynced() {
        return synced;
    }

    /** Lists and watches again if this has never been done or the watch ended. */
    public synchronized void syncIfNeeded() {
        if (!needsSync) {
            return;
        }
        if (watch != null) {
            watch.close();
            watch = null;
        }
        needsSync = false;
        try {
            ObjectList list = store.list(kind, ListOptions.all());
            replaceAll(list.items());
            watch = store.watch(kind, new WatchOptions(null, null, null, list.resourceVersion()), listener());
            synced = true;
        } catch (RuntimeException e) {
            needsSync = true;
            throw e;
        }
    }

    public Optional<ObjectNode> get(String namespace, String name) {
        return Optional.ofNullable(objects.get(key(namespace, name)));
    }

    /** Every object now held, in no particular order. */
    public List<ObjectNode> list() {
        return new ArrayList<>(objects.values());
    }

    public List<ObjectNode> list(Predicate<ObjectNode> filter) {
        return objects.values().stream().filter(filter).toList();
    }

    /** {@code namespace/name}, or {@code name} for a cluster-scoped kind: how queues name an object. */
    public static String key(ObjectNode object) {
        ObjectNode metadata = (ObjectNode) object.path("metadata");
        return key(metadata.path("namespace").asString(""), metadata.path("name").asString(""));
    }

    public static String key(String namespace, String name) {
        return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }

    private void replaceAll(List<ObjectNode> items) {
        Map<String, ObjectNode> fresh = new ConcurrentHashMap<>();
        items.forEach(item -> fresh.put(key(item), item));
        for (Map.Entry<String, ObjectNode> old : Map.copyOf(objects).entrySet()) {
            if (!fresh.containsKey(old.getKey())) {
                objects.remove(old.getKey());
                notifyHandlers(old.getValue(), null);
            }
        }
        for (Map.Entry<String, ObjectNode> item : fresh.entrySet()) {
            ObjectNode before = objects.put(item.getKey(), item.getValue());
            if (before == null || !version(before).equals(version(item.getValue()))) {
                notifyHandlers(before, item.getValue());
            }
        }
    }

    private WatchListener listener() {
        return new WatchListener() {
            @Override
            public void onEvent(WatchEvent event) {
                String key = key(event.object());
                if (WatchEvent.DELETED.equals(event.type())) {
                    ObjectNode before = objects.remove(key);
                    notifyHandlers(before, null);
                } else {
                    ObjectNode before = objects.put(key, event.object());
                    notifyHandlers(before, event.object());
                }
            }

            @Override
            public void onError(StatusException error) {
                log.warn("The watch of {} ended ({}); listing again", kind.plural(), error.getMessage());
                needsSync = true;
            }
        };
    }

    private void notifyHandlers(ObjectNode before, ObjectNode after) {
        for (Handler handler : handlers) {
            try {
                handler.onChange(before, after);
            } catch (RuntimeException e) {
                log.warn("A handler of {} changes failed: {}", kind.plural(), e.toString());
            }
        }
    }

    private static String version(ObjectNode object) {
        return object.path("metadata").path("resourceVersion").asString("");
    }

    @Override
    public synchronized void close() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }
}
