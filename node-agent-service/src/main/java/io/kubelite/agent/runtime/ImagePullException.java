package io.kubelite.agent.runtime;

/** An image could not be made present; the message is the engine's. */
public class ImagePullException extends Exception {
    public ImagePullException(String message, Throwable cause) {
        super(message, cause);
    }
}
