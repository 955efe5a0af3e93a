package io.kubelite.store;

/**
 * @param preconditionUid             delete only if the object still has this uid (null: any)
 * @param preconditionResourceVersion delete only if this is still current (null: any)
 * @param gracePeriodSeconds          for pods: null for the pod's own, 0 to delete at once
 */
public record DeleteOptions(String preconditionUid, String preconditionResourceVersion,
                            Long gracePeriodSeconds, boolean dryRun) {
    public static final DeleteOptions NONE = new DeleteOptions(null, null, null, false);
    public static final DeleteOptions IMMEDIATE = new DeleteOptions(null, null, 0L, false);
}
