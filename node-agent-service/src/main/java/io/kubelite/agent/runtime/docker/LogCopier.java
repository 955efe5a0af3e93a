package io.kubelite.agent.runtime.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.io.OutputStream;

/** Writes each frame of a container's output, stdout and stderr as they come, to one stream. */
final class LogCopier extends ResultCallback.Adapter<Frame> {

    private final OutputStream out;
    private volatile Throwable failure;

    LogCopier(OutputStream out) {
        this.out = out;
    }

    @Override
    public void onNext(Frame frame) {
        try {
            out.write(frame.getPayload());
            out.flush();
        } catch (IOException e) {
            // The reader went away: stop streaming instead of draining the container's output for no one.
            onError(e);
        }
    }

    /** Keeps the first failure for the caller, instead of docker-java's logging it as an error. */
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

    /**
     * Waits until the output ends, then rethrows what stopped it early: the reader's {@link IOException}, or
     * the engine's failure (an {@link IOException} with the engine's message, e.g. for a missing container).
     */
    void awaitEnd() throws IOException, InterruptedException {
        awaitCompletion();
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure != null) {
            throw new IOException(EngineMessages.of(failure), failure);
        }
    }
}
