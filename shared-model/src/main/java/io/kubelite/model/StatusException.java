package io.kubelite.model;

import java.util.List;

/**
 * An expected failure of an API or store call, carrying the {@link Status} the caller receives.
 * The API server answers with {@link #status()} and its code; services match on {@link #reason()}.
 */
public class StatusException extends RuntimeException {

    private final transient Status status;

    public StatusException(Status status) {
        super(status.message());
        this.status = status;
    }

    public Status status() { return status; }
    public int code() { return status.code(); }
    public String reason() { return status.reason(); }

    public static StatusException badRequest(String message) {
        return new StatusException(Status.failure(400, "BadRequest", message, null));
    }

    public static StatusException notFound(ResourceKind kind, String name) {
        return new StatusException(Status.failure(404, "NotFound",
                kind.plural() + " \"" + name + "\" not found", Status.Details.of(kind, name)));
    }

    public static StatusException alreadyExists(ResourceKind kind, String name) {
        return new StatusException(Status.failure(409, "AlreadyExists",
                kind.plural() + " \"" + name + "\" already exists", Status.Details.of(kind, name)));
    }

    /** A request the server understood and refuses, such as deleting a namespace that must always exist. */
    public static StatusException forbidden(ResourceKind kind, String name, String why) {
        return new StatusException(Status.failure(403, "Forbidden",
                kind.plural() + " \"" + name + "\" is forbidden: " + why, Status.Details.of(kind, name)));
    }

    /** A write that named a stale resourceVersion (or uid), or lost a race. */
    public static StatusException conflict(ResourceKind kind, String name, String why) {
        return new StatusException(Status.failure(409, "Conflict",
                "Operation cannot be fulfilled on " + kind.plural() + " \"" + name + "\": " + why,
                Status.Details.of(kind, name)));
    }

    public static StatusException staleResourceVersion(ResourceKind kind, String name) {
        return conflict(kind, name,
                "the object has been modified; please apply your changes to the latest version and try again");
    }

    /** A watch or list from a revision the change log no longer holds. */
    public static StatusException gone(long requested, long oldest) {
        return new StatusException(Status.failure(410, "Expired",
                "too old resource version: " + requested + " (" + oldest + ")", null));
    }

    public static StatusException tooLarge(String message) {
        return new StatusException(Status.failure(413, "RequestEntityTooLarge", message, null));
    }

    public static StatusException invalid(ResourceKind kind, String name, List<Status.Cause> causes) {
        String listed = causes.size() == 1
                ? causes.get(0).describe()
                : "[" + String.join(", ", causes.stream().map(Status.Cause::describe).toList()) + "]";
        Status.Details details = new Status.Details(name, kind.group().isEmpty() ? null : kind.group(),
                kind.kind(), null, List.copyOf(causes));
        return new StatusException(Status.failure(422, "Invalid",
                kind.kind() + " \"" + name + "\" is invalid: " + listed, details));
    }

    /** The server cannot answer now, for instance while it shuts down; the same request may succeed later. */
    public static StatusException serviceUnavailable(String message) {
        return new StatusException(Status.failure(503, "ServiceUnavailable", message, null));
    }

    public static StatusException methodNotAllowed(String message) {
        return new StatusException(Status.failure(405, "MethodNotAllowed", message, null));
    }

    public static StatusException unsupportedMediaType(String message) {
        return new StatusException(Status.failure(415, "UnsupportedMediaType", message, null));
    }
}
