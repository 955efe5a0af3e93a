package io.kubelite.scheduler.framework;

import java.util.List;

/**
 * The outcome of a filter: a value, not an exception. Statuses without a node-specific part are constants, so a
 * filter allocates nothing on its common paths.
 *
 * @param code    what happened
 * @param reasons why the node does not fit, as the pod's "0/N nodes are available" message counts them
 */
public record Status(Code code, List<String> reasons) {

    public enum Code {
        /** The pod fits the node: go on with the next filter. */
        SUCCESS,
        /** The pod does not fit the node now; it may after other pods leave (resources). */
        UNSCHEDULABLE,
        /** The pod does not fit the node whatever other pods do (a taint, a selector, an unschedulable node). */
        UNSCHEDULABLE_AND_UNRESOLVABLE,
        /** The plugin could not decide: the node is skipped for this pod and the error reported. */
        ERROR
    }

    public static final Status SUCCESS = new Status(Code.SUCCESS, List.of());

    public Status {
        reasons = List.copyOf(reasons);
    }

    public static Status unschedulable(String... reasons) {
        return new Status(Code.UNSCHEDULABLE, List.of(reasons));
    }

    public static Status unresolvable(String reason) {
        return new Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, List.of(reason));
    }

    public static Status error(String reason) {
        return new Status(Code.ERROR, List.of(reason));
    }

    public boolean isSuccess() {
        return code == Code.SUCCESS;
    }
}
