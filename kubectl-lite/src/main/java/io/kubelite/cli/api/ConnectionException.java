package io.kubelite.cli.api;

/** The API server could not be reached at all. */
public final class ConnectionException extends RuntimeException {

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
