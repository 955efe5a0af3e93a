package io.kubelite.store.watch;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.store.Watch;
import io.kubelite.store.WatchEvent;
import io.kubelite.store.WatchListener;
import io.kubelite.store.selection.Selection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watch as the dispatcher keeps it. Everything but {@link #close()} runs on the dispatcher thread.
 * {@code delivered} is the newest revision this watch has been given (or its start), so a revision
 * reaches it at most once whether it comes from the replay or from the live stream.
 */
final class RegisteredWatch implements Watch {

    private static final Logger log = LoggerFactory.getLogger(RegisteredWatch.class);

    final ResourceKind kind;
    private final Selection selection;
    private final WatchListener listener;
    private final long fromRevision;
    private long delivered;
    private volatile boolean closed;

    RegisteredWatch(ResourceKind kind, Selection selection, long fromRevision, WatchListener listener) {
        this.kind = kind;
        this.selection = selection;
        this.listener = listener;
        this.fromRevision = fromRevision;
        this.delivered = fromRevision;
    }

    long fromRevision() {
        return fromRevision;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    void offer(ChangeLogEntry entry) {
        if (closed || entry.revision <= delivered) {
            return;
        }
        delivered = entry.revision;
        if (!kind.kind().equals(entry.kind)) {
            return;
        }
        String type = eventType(entry);
        if (type != null) {
            call(() -> listener.onEvent(new WatchEvent(type, entry.object(), entry.revision)));
        }
    }

    /** How the change looks through this watch's selection, or null when it does not see it. */
    private String eventType(ChangeLogEntry entry) {
        boolean selectedAfter = selection.matches(entry.fields());
        if (!WatchEvent.MODIFIED.equals(entry.type) || !selection.looksAtContent()) {
            return selectedAfter ? entry.type : null;
        }
        boolean selectedBefore = selection.matches(entry.previousFields());
        if (selectedBefore && selectedAfter) {
            return WatchEvent.MODIFIED;
        }
        if (selectedAfter) {
            return WatchEvent.ADDED;
        }
        return selectedBefore ? WatchEvent.DELETED : null;
    }

    void progress(long revision) {
        if (!closed) {
            long seen = Math.max(revision, delivered);
            call(() -> listener.onProgress(seen));
        }
    }

    void fail(StatusException error) {
        if (!closed) {
            closed = true;
            call(() -> listener.onError(error));
        }
    }

    private void call(Runnable delivery) {
        try {
            delivery.run();
        } catch (RuntimeException e) {
            closed = true;
            log.warn("Closed a {} watch whose listener failed: {}", kind.singular(), e.toString());
        }
    }
}
