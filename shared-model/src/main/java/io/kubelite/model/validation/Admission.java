package io.kubelite.model.validation;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.Status;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Defaulting and validation of objects in their JSON form, applied by the store to every write,
 * whichever service makes it.
 */
public final class Admission {

    private Admission() { }

    /** Fills defaults in place (pod restartPolicy, terminationGracePeriodSeconds, ...). */
    public static void applyDefaults(ResourceKind kind, ObjectNode object) {
        throw new UnsupportedOperationException("Admission.applyDefaults");
    }

    /** Every problem with a new or updated object, each naming its field path; empty when valid. */
    public static List<Status.Cause> validate(ResourceKind kind, ObjectNode object) {
        throw new UnsupportedOperationException("Admission.validate");
    }

    /** Problems of an update beyond {@link #validate}: changes to fields that are immutable. */
    public static List<Status.Cause> validateUpdate(ResourceKind kind, ObjectNode updated, ObjectNode old) {
        throw new UnsupportedOperationException("Admission.validateUpdate");
    }
}
