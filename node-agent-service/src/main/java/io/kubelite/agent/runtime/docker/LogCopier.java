package io.kubelite.agent.runtime.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.io.OutputStream;

/** Writes each frame of a container's output, stdout and stderr as they come, to one stream. */
final class LogCopier extends ResultCallback.Adapter<Frame> {

    private final OutputStream out;
    private volatile IOException writeFailure;

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
            writeFailure = e;
            closeQuietly();
        }
    }

    /** Waits until the output ends (or the stream was closed) and rethrows a failure to write. */
    void awaitEnd() throws IOException, InterruptedException {
        awaitCompletion();
        if (writeFailure != null) {
            throw writeFailure;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            writeFailure.addSuppressed(e);
        }
    }
}
