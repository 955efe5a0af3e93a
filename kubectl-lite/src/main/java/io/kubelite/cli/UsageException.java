package io.kubelite.cli;

/** The user asked for something the command cannot do (an unknown resource type, a missing file...). */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
