package io.kubelite.controller.gc;

import io.kubelite.controller.Controller;
import io.kubelite.controller.informer.Informer;
import io.kubelite.controller.informer.Informers;
import io.kubelite.controller.owner.Metadata;
import io.kubelite.controller.owner.OwnerReferences;
import io.kubelite.controller.owner.OwnerReferences.Reference;
import io.kubelite.controller.queue.WorkQueue;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.store.DeleteOptions;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.PropagationPolicy;
import io.kubelite.store.WriteOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deletes objects whose owners are gone, as Kubernetes' garbage collector: a dependent (an object naming owners
 * in {@code metadata.ownerReferences}) whose owners, checked by uid, no longer exist is deleted. It also finishes
 * the deletes that wait for it: an owner marked with the {@code orphan} finalizer is removed from its dependents'
 * ownerReferences, one marked with {@code foregroundDeletion} has its dependents deleted first; then the
 * finalizer is removed and the store deletes the owner. Events are not looked after: nothing owns them.
 *
 * <p>Keys name the kind too: {@code pods/default/web-x7k2p}, {@code nodes//node-1}.
 */
public final class GarbageCollector implements Controller {

    private static final Logger log = LoggerFactory.getLogger(GarbageCollector.class);
    private static final String ORPHAN = PropagationPolicy.ORPHAN.finalizer().orElseThrow();
    private static final String FOREGROUND = PropagationPolicy.FOREGROUND.finalizer().orElseThrow();

    private final ObjectStore store;
    private final Map<ResourceKind, Informer> informers;
    private final DependentIndex dependents = new DependentIndex();
    private WorkQueue queue;

    public GarbageCollector(Informers informers, ObjectStore store) {
        this.store = store;
        this.informers = Arrays.stream(ResourceKind.values()).filter(kind -> kind != ResourceKind.EVENT)
                .collect(Collectors.toMap(Function.identity(), informers::of));
    }

    @Override
    public String name() {
        return "garbage-collector";
    }

    @Override
    public Collection<String> allKeys() {
        List<String> keys = new ArrayList<>();
        informers.forEach((kind, informer) -> informer.list().stream()
                .filter(o -> !OwnerReferences.of(o).isEmpty() || waitsForCollector(o))
                .forEach(o -> keys.add(key(kind, o))));
        return keys;
    }

    @Override
    public void watch(WorkQueue queue) {
        this.queue = queue;
        informers.forEach((kind, informer) -> informer.addHandler((before, after) -> changed(kind, before, after)));
    }

    private void changed(ResourceKind kind, ObjectNode before, ObjectNode after) {
        ObjectNode object = after != null ? after : before;
        String key = key(kind, object);
        List<Reference> refsBefore = before == null ? List.of() : OwnerReferences.of(before);
        List<Reference> refsAfter = after == null ? List.of() : OwnerReferences.of(after);
        dependents.replace(key, uids(refsBefore), uids(refsAfter));
        if (after == null) {
            // Its dependents may now be orphans to collect; owners waiting in foreground may now be free.
            dependents.dependentsOf(Metadata.uid(before)).forEach(queue::add);
            refsBefore.forEach(ref -> queueOwner(kind, before, ref));
            return;
        }
        boolean deletionChanged = before == null || Metadata.isBeingDeleted(before) != Metadata.isBeingDeleted(after)
                || !Metadata.finalizers(before).equals(Metadata.finalizers(after));
        if (!refsBefore.equals(refsAfter) || (deletionChanged && (waitsForCollector(after) || !refsAfter.isEmpty()))) {
            queue.add(key);
        }
        refsBefore.stream().filter(ref -> !refsAfter.contains(ref)).forEach(ref -> queueOwner(kind, before, ref));
        if (deletionChanged && Metadata.isBeingDeleted(after)) {
            refsAfter.forEach(ref -> queueOwner(kind, after, ref));
        }
    }

    private void queueOwner(ResourceKind dependentKind, ObjectNode dependent, Reference ref) {
        ref.resourceKind().ifPresent(ownerKind ->
                queue.add(key(ownerKind, ownerNamespace(ownerKind, dependentKind, dependent), ref.name())));
    }

    // ---- reconcile ------------------------------------------------------------------------------------------

    @Override
    public Optional<Duration> reconcile(String key) {
        String[] parts = key.split("/", 3);
        ResourceKind kind = kindOf(parts[0]);
        Optional<ObjectNode> found = informers.get(kind).get(parts[1], parts[2]);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode object = found.get();
        if (Metadata.isBeingDeleted(object)) {
            if (Metadata.hasFinalizer(object, ORPHAN)) {
                orphanDependents(kind, object);
            } else if (Metadata.hasFinalizer(object, FOREGROUND)) {
                deleteDependentsFirst(kind, object);
            }
            return Optional.empty();
        }
        if (!OwnerReferences.of(object).isEmpty()) {
            collectIfOwnersAreGone(kind, object);
        }
        return Optional.empty();
    }

    /** Orphan: takes the owner out of each dependent's ownerReferences, then lets the owner go. */
    private void orphanDependents(ResourceKind kind, ObjectNode owner) {
        String uid = Metadata.uid(owner);
        for (String dependentKey : dependents.dependentsOf(uid)) {
            dependent(dependentKey).ifPresent(dependent -> {
                update(dependent.kind(), OwnerReferences.withoutOwners(dependent.object(), Set.of(uid)));
            });
        }
        update(kind, Metadata.withoutFinalizer(owner, ORPHAN));
        log.info("Orphaned the dependents of {} {}/{} and let it go", kind.singular(), Metadata.namespace(owner),
                Metadata.name(owner));
    }

    /**
     * Foreground: has every dependent collected (each is queued and, its owner waiting, deleted), and lets the owner
     * go once no dependent that blocks its deletion remains.
     */
    private void deleteDependentsFirst(ResourceKind kind, ObjectNode owner) {
        String uid = Metadata.uid(owner);
        boolean blocked = false;
        for (String dependentKey : dependents.dependentsOf(uid)) {
            Optional<Dependent> dependent = dependent(dependentKey);
            if (dependent.isEmpty()) {
                continue;
            }
            blocked |= OwnerReferences.of(dependent.get().object()).stream()
                    .anyMatch(ref -> ref.uid().equals(uid) && ref.blockOwnerDeletion());
            if (!Metadata.isBeingDeleted(dependent.get().object())) {
                queue.add(dependentKey);
            }
        }
        if (!blocked) {
            update(kind, Metadata.withoutFinalizer(owner, FOREGROUND));
        }
    }

    private enum OwnerState { SOLID, DANGLING, WAITING_FOR_DEPENDENTS, UNKNOWN }

    /**
     * Kubernetes' attemptToDeleteItem: with no owner left, the object is deleted (in foreground when an owner waits
     * in foreground and it has dependents of its own); with some owner left, references to owners that are gone or
     * waiting for their dependents are removed instead.
     */
    private void collectIfOwnersAreGone(ResourceKind kind, ObjectNode object) {
        Set<String> dangling = new HashSet<>();
        Set<String> waiting = new HashSet<>();
        boolean solid = false;
        for (Reference ref : OwnerReferences.of(object)) {
            switch (ownerState(kind, object, ref)) {
                case DANGLING -> dangling.add(ref.uid());
                case WAITING_FOR_DEPENDENTS -> waiting.add(ref.uid());
                case SOLID, UNKNOWN -> solid = true;
            }
        }
        if (dangling.isEmpty() && waiting.isEmpty()) {
            return;
        }
        if (solid) {
            Set<String> gone = new HashSet<>(dangling);
            gone.addAll(waiting);
            update(kind, OwnerReferences.withoutOwners(object, gone));
            return;
        }
        boolean hasDependents = !dependents.dependentsOf(Metadata.uid(object)).isEmpty();
        PropagationPolicy policy = !waiting.isEmpty() && hasDependents ? PropagationPolicy.FOREGROUND : null;
        try {
            store.delete(kind, Metadata.namespace(object), Metadata.name(object),
                    new DeleteOptions(Metadata.uid(object), null, null, false, policy));
            log.debug("Deleted {} {}/{}: its owners are gone", kind.singular(), Metadata.namespace(object),
                    Metadata.name(object));
        } catch (StatusException e) {
            if (e.code() != 404 && e.code() != 409) {
                throw e;
            }
        }
    }

    /**
     * Whether the owner exists (same uid), asking the store when the informer does not have it: the informer may
     * not have heard of an owner created a moment ago, and collecting on a stale view would delete a live object's
     * dependents.
     */
    private OwnerState ownerState(ResourceKind dependentKind, ObjectNode dependent, Reference ref) {
        Optional<ResourceKind> ownerKind = ref.resourceKind();
        if (ownerKind.isEmpty()) {
            return OwnerState.UNKNOWN;
        }
        String namespace = ownerNamespace(ownerKind.get(), dependentKind, dependent);
        Optional<ObjectNode> owner = informers.get(ownerKind.get()).get(namespace, ref.name())
                .filter(o -> Metadata.uid(o).equals(ref.uid()));
        if (owner.isEmpty()) {
            try {
                owner = Optional.of(store.get(ownerKind.get(), namespace, ref.name()))
                        .filter(o -> Metadata.uid(o).equals(ref.uid()));
            } catch (StatusException e) {
                if (e.code() != 404) {
                    throw e;
                }
            }
        }
        if (owner.isEmpty()) {
            return OwnerState.DANGLING;
        }
        return Metadata.isBeingDeleted(owner.get()) && Metadata.hasFinalizer(owner.get(), FOREGROUND)
                ? OwnerState.WAITING_FOR_DEPENDENTS : OwnerState.SOLID;
    }

    private record Dependent(ResourceKind kind, ObjectNode object) { }

    private Optional<Dependent> dependent(String key) {
        String[] parts = key.split("/", 3);
        ResourceKind kind = kindOf(parts[0]);
        return informers.get(kind).get(parts[1], parts[2]).map(object -> new Dependent(kind, object));
    }

    /** Writes the change against the version read: a conflict fails the reconcile, which is retried on fresh state. */
    private void update(ResourceKind kind, ObjectNode changed) {
        try {
            store.update(kind, changed, WriteOptions.NONE);
        } catch (StatusException e) {
            if (e.code() != 404) {
                throw e;
            }
        }
    }

    // ---- keys -----------------------------------------------------------------------------------------------

    private static boolean waitsForCollector(JsonNode object) {
        return Metadata.isBeingDeleted(object)
                && (Metadata.hasFinalizer(object, ORPHAN) || Metadata.hasFinalizer(object, FOREGROUND));
    }

    /** Owners live in their dependent's namespace, or are cluster-scoped. */
    private static String ownerNamespace(ResourceKind ownerKind, ResourceKind dependentKind, JsonNode dependent) {
        return ownerKind.namespaced() && dependentKind.namespaced() ? Metadata.namespace(dependent) : "";
    }

    private static List<String> uids(List<Reference> refs) {
        return refs.stream().map(Reference::uid).toList();
    }

    private static String key(ResourceKind kind, JsonNode object) {
        return key(kind, kind.namespaced() ? Metadata.namespace(object) : "", Metadata.name(object));
    }

    private static String key(ResourceKind kind, String namespace, String name) {
        return kind.plural() + "/" + namespace + "/" + name;
    }

    private static ResourceKind kindOf(String plural) {
        return Arrays.stream(ResourceKind.values()).filter(k -> k.plural().equals(plural)).findFirst().orElseThrow();
    }
}
