package io.kubelite.store;

import java.util.Optional;

/**
 * What happens to an object's dependents (objects naming it in {@code metadata.ownerReferences}) when it is
 * deleted, as Kubernetes' {@code propagationPolicy}. The store only marks the owner; the garbage collector does
 * the rest.
 */
public enum PropagationPolicy {
    /** The owner goes at once; the garbage collector then deletes dependents whose owners are all gone. */
    BACKGROUND("Background", null),
    /**
     * The owner is marked (deletionTimestamp) with the {@code orphan} finalizer; the garbage collector removes
     * the owner from its dependents' ownerReferences, then the finalizer, and the store deletes the owner.
     */
    ORPHAN("Orphan", "orphan"),
    /**
     * The owner is marked with the {@code foregroundDeletion} finalizer; the garbage collector deletes its
     * dependents and removes the finalizer once none that block the owner's deletion remain.
     */
    FOREGROUND("Foreground", "foregroundDeletion");

    private final String value;
    private final String finalizer;

    PropagationPolicy(String value, String finalizer) {
        this.value = value;
        this.finalizer = finalizer;
    }

    /** As the API spells it: {@code Background}, {@code Orphan}, {@code Foreground}. */
    public String value() {
        return value;
    }

    /** The finalizer this policy puts on the owner, none for Background. */
    public Optional<String> finalizer() {
        return Optional.ofNullable(finalizer);
    }

    /** The policy the API spells so, empty for any other text. */
    public static Optional<PropagationPolicy> parse(String text) {
        for (PropagationPolicy policy : values()) {
            if (policy.value.equals(text)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}
