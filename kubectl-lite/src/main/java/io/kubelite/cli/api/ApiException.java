package io.kubelite.cli.api;

import tools.jackson.databind.JsonNode;

/** The API server refused a request; carries its {@code Status} (code, reason, message). */
public final class ApiException extends RuntimeException {

    private final int code;
    private final String reason;
    private final JsonNode status;

    public ApiException(int code, String reason, String message, JsonNode status) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.status = status;
    }

    public int code() { return code; }

    /** The Status's reason ({@code NotFound}, {@code Invalid}...), empty when the server gave none. */
    public String reason() { return reason; }

    /** The whole Status object the server answered, or a missing node when the body was not one. */
    public JsonNode status() { return status; }

    public boolean isNotFound() {
        return code == 404;
    }

    /** The line kubectl prints: {@code Error from server (NotFound): pods "web" not found}. */
    public String kubectlMessage() {
        return reason.isEmpty() ? "Error from server: " + getMessage()
                : "Error from server (" + reason + "): " + getMessage();
    }
}
