package io.kubelite.store;

import io.kubelite.model.ResourceKind;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The revisioned object store every service reads and writes. Objects travel in their
 * Kubernetes JSON form. Every write takes the next global revision, which becomes the object's
 * {@code metadata.resourceVersion}, and appends to the change log in the same transaction.
 *
 * <p>Failures are {@link io.kubelite.model.StatusException}s: NotFound, AlreadyExists, Conflict
 * (stale resourceVersion), Invalid (with causes), Expired (410, revision compacted away).
 */
public interface ObjectStore {

    /**
     * Creates an object: sets uid, creationTimestamp, resourceVersion, generation 1, resolves
     * {@code generateName}, applies defaults and validates. Status is kept as given on create.
     */
    ObjectNode create(ResourceKind kind, ObjectNode object, WriteOptions options);

    ObjectNode get(ResourceKind kind, String namespace, String name);

    /** Lists matching objects, with the revision the list was read at. */
    ObjectList list(ResourceKind kind, ListOptions options);

    /**
     * Replaces metadata and spec; the stored status is kept. When {@code metadata.resourceVersion}
     * is set the write succeeds only if it is still current. Bumps generation when spec changes.
     */
    ObjectNode update(ResourceKind kind, ObjectNode object, WriteOptions options);

    /** Replaces status only; metadata and spec are kept. Same concurrency rule as update. */
    ObjectNode updateStatus(ResourceKind kind, ObjectNode object, WriteOptions options);

    /**
     * Binds a pod to a node in one write, as Kubernetes' pods/binding does: sets {@code spec.nodeName} and the
     * condition {@code PodScheduled=True} together; generation, the rest of spec and status stay as they are.
     * 409 Conflict when the pod is already assigned to a node, is being deleted, or fails the binding's uid or
     * resourceVersion precondition; 404 when it does not exist; 422 when the node name is not valid.
     */
    ObjectNode bind(Binding binding);

    /**
     * As {@link #bind}; with {@code options.dryRun()} every check is made and the pod is answered as it would be
     * bound, but nothing is written.
     */
    ObjectNode bind(Binding binding, WriteOptions options);

    /**
     * Makes each binding as {@link #bind} would, queuing all their writes before waiting, so that a batch
     * costs one read of the pods and a few transactions. One binding's failure fails it alone; the results
     * come in the order given.
     */
    List<BindResult> bindAll(List<Binding> bindings);

    /**
     * Deletes an object, returning its last state. A pod bound to a node with a grace period left,
     * or an object with finalizers, is only marked (deletionTimestamp) and returned as marked; removing
     * the last finalizer of a marked object (through update) then deletes it. The Orphan and Foreground
     * {@link PropagationPolicy propagation policies} add their finalizer, so the object waits for the
     * garbage collector. Deleting a namespace deletes everything in it.
     */
    ObjectNode delete(ResourceKind kind, String namespace, String name, DeleteOptions options);

    /**
     * Follows changes after {@code options.fromRevision()}, calling the listener in revision order
     * on the store's dispatch thread (the listener must not block). Throws 410 Expired when that
     * revision is no longer in the change log.
     */
    Watch watch(ResourceKind kind, WatchOptions options, WatchListener listener);

    /** The newest revision whose write, and every one before it, is visible. */
    long currentRevision();
}
