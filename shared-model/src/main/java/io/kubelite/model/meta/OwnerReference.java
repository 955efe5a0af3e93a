package io.kubelite.model.meta;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An object that owns this one; the garbage collector deletes dependents of deleted owners. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OwnerReference(String apiVersion,
                             String kind,
                             String name,
                             String uid,
                             Boolean controller,
                             Boolean blockOwnerDeletion) {

    /** The reference a controller sets on what it creates ({@code controller} and {@code blockOwnerDeletion} true). */
    public static OwnerReference controlledBy(KubernetesObject owner) {
        return new OwnerReference(owner.apiVersion(), owner.kind(), owner.metadata().name(), owner.metadata().uid(),
                true, true);
    }
}
