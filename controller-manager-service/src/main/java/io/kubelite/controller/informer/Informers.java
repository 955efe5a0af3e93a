package io.kubelite.controller.informer;

import io.kubelite.model.ResourceKind;
import io.kubelite.store.ObjectStore;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** One informer per kind, shared by every controller that reads that kind. */
public final class Informers implements AutoCloseable {

    private final ObjectStore store;
    private final Map<ResourceKind, Informer> byKind = new EnumMap<>(ResourceKind.class);

    public Informers(ObjectStore store) {
        this.store = store;
    }

    public synchronized Informer of(ResourceKind kind) {
        return byKind.computeIfAbsent(kind, k -> new Informer(store, k));
    }

    public synchronized Collection<Informer> all() {
        return byKind.values();
    }

    /** Whether every informer has been filled at least once. */
    public synchronized boolean haveSynced() {
        return byKind.values().stream().allMatch(Informer::hasSynced);
    }

    @Override
    public synchronized void close() {
        byKind.values().forEach(Informer::close);
    }
}
