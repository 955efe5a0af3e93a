package io.kubelite.model.validation;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.Status;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Defaulting and validation of objects in their JSON form, applied by the store to every write,
 * whichever service makes it. Rules, field paths and messages follow Kubernetes.
 */
public final class Admission {

    private Admission() { }

    /**
     * Fills defaults in place (pod restartPolicy, terminationGracePeriodSeconds, ...) and writes quantities in
     * canonical form; fields already set are otherwise kept.
     */
    public static void applyDefaults(ResourceKind kind, ObjectNode object) {
        switch (kind) {
            case NAMESPACE -> Defaults.namespace(object);
            case POD -> Defaults.pod(object);
            case DEPLOYMENT -> Defaults.deployment(object);
            case REPLICASET -> Defaults.replicaSet(object);
            case NODE -> Defaults.node(object);
            case EVENT -> { }
        }
    }

    /** Every problem with a new or updated object, each naming its field path; empty when valid. */
    public static List<Status.Cause> validate(ResourceKind kind, ObjectNode object) {
        Problems problems = new Problems();
        MetadataValidation.validate(kind, object, problems);
        switch (kind) {
            case POD -> {
                ObjectNode spec = problems.object(object, "spec", "spec");
                if (spec == null) {
                    problems.required("spec.containers", null);
                } else {
                    PodSpecValidation.validate(spec, "spec", problems);
                }
                validatePodPhase(object, problems);
            }
            case DEPLOYMENT, REPLICASET -> WorkloadValidation.validate(kind, object, problems);
            case NODE -> NodeValidation.validate(object, problems);
            case EVENT -> {
                if (problems.object(object, "involvedObject", "involvedObject") == null) {
                    problems.required("involvedObject", null);
                }
            }
            case NAMESPACE -> { }
        }
        return problems.causes();
    }

    private static final List<String> POD_PHASES = List.of("Pending", "Running", "Succeeded", "Failed", "Unknown");

    private static void validatePodPhase(ObjectNode pod, Problems problems) {
        ObjectNode status = problems.object(pod, "status", "status");
        String phase = status == null ? null : problems.string(status, "phase", "status.phase");
        if (phase != null && !POD_PHASES.contains(phase)) {
            problems.notSupported("status.phase", phase, POD_PHASES);
        }
    }

    /** Problems of an update beyond {@link #validate}: changes to fields that are immutable. */
    public static List<Status.Cause> validateUpdate(ResourceKind kind, ObjectNode updated, ObjectNode old) {
        Problems problems = new Problems();
        UpdateValidation.validate(kind, updated, old, problems);
        return problems.causes();
    }
}
