package io.kubelite.agent.runtime.docker;

import com.github.dockerjava.api.command.PullImageResultCallback;
import io.kubelite.agent.runtime.ImagePullException;
import java.io.IOException;

/** The progress of one image pull, ending in success or the engine's reason for failing. */
final class ImagePull extends PullImageResultCallback {

    private final String image;
    private volatile Throwable failure;

    ImagePull(String image) {
        this.image = image;
    }

    /** Keeps the engine's failure for the caller, instead of docker-java's logging it as an error. */
    @Override
    public void onError(Throwable error) {
        if (failure == null) {
            failure = error;
        }
        try {
            close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    void awaitSuccess() throws ImagePullException {
        try {
            awaitCompletion();
        } catch (RuntimeException e) {
            // docker-java's own verdict on an unfinished pull; the engine's reason, when there is one, says more
            throw new ImagePullException(EngineMessages.of(failure == null ? e : failure), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImagePullException("interrupted while pulling " + image, e);
        }
        if (failure != null) {
            throw new ImagePullException(EngineMessages.of(failure), failure);
        }
    }
}
