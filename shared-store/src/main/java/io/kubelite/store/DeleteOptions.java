package io.kubelite.store;

/**
 * @param preconditionUid             delete only if the object still has this uid (null: any)
 * @param preconditionResourceVersion delete only if this is still current (null: any)
 * @param gracePeriodSeconds          for pods: null for the pod's own, 0 to delete at once
 * @param propagationPolicy           what becomes of the object's dependents; null for the default, which is
 *                                    Background unless the object already carries the {@code orphan} or
 *                                    {@code foregroundDeletion} finalizer of an earlier delete (kept, as in
 *                                    Kubernetes)
 */
public record DeleteOptions(String preconditionUid, String preconditionResourceVersion,
                            Long gracePeriodSeconds, boolean dryRun, PropagationPolicy propagationPolicy) {
    public static final DeleteOptions NONE = new DeleteOptions(null, null, null, false, null);
    public static final DeleteOptions IMMEDIATE = new DeleteOptions(null, null, 0L, false, null);

    public static DeleteOptions propagating(PropagationPolicy policy) {
        return new DeleteOptions(null, null, null, false, policy);
    }
}
