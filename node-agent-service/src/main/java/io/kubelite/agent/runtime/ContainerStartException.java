package io.kubelite.agent.runtime;

/** A container could not be created or started; the message is the engine's. */
public class ContainerStartException extends Exception {
    public ContainerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
