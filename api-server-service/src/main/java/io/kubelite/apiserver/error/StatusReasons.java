package io.kubelite.apiserver.error;

import io.kubelite.model.Status;
import java.util.Map;

/** Kubernetes' StatusReason for each HTTP code the API server answers with. */
public final class StatusReasons {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "BadRequest"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "NotFound"),
            Map.entry(405, "MethodNotAllowed"),
            Map.entry(406, "NotAcceptable"),
            Map.entry(409, "Conflict"),
            Map.entry(410, "Gone"),
            Map.entry(413, "RequestEntityTooLarge"),
            Map.entry(415, "UnsupportedMediaType"),
            Map.entry(422, "Invalid"),
            Map.entry(429, "TooManyRequests"),
            Map.entry(500, "InternalError"),
            Map.entry(503, "ServiceUnavailable"),
            Map.entry(504, "Timeout"));

    private StatusReasons() { }

    public static String reasonFor(int code) {
        return REASONS.getOrDefault(code, code >= 500 ? "InternalError" : "BadRequest");
    }

    /** A failure Status with the reason that goes with its code. */
    public static Status failure(int code, String message) {
        return Status.failure(code, reasonFor(code), message, null);
    }

    /** What Kubernetes answers for a path it does not serve. */
    public static Status pathNotFound() {
        return failure(404, "the server could not find the requested resource");
    }
}
