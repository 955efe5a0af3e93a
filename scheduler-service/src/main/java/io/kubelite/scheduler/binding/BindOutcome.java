package io.kubelite.scheduler.binding;

import io.kubelite.scheduler.cache.PendingPod;
import tools.jackson.databind.node.ObjectNode;

/**
 * What became of one bind.
 *
 * @param pod      the pod the round tried to bind
 * @param nodeName the node it chose
 * @param result   what happened
 * @param latest   the pod as the store now holds it (BOUND, CONFLICT), null when gone or unknown
 * @param error    why the write failed (FAILED), else null
 */
public record BindOutcome(PendingPod pod, String nodeName, Result result, ObjectNode latest, String error) {

    public enum Result {
        /** spec.nodeName is set: the pod is the node's now. */
        BOUND,
        /** The pod changed since it was read (another writer, another scheduler): re-read, re-scheduled next round. */
        CONFLICT,
        /** The pod was deleted. */
        GONE,
        /** The store refused or failed the write: the pod stays pending and is tried again after a pause. */
        FAILED
    }
}
