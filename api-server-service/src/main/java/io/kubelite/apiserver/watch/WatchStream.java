package io.kubelite.apiserver.watch;

import io.kubelite.apiserver.resource.TypeMeta;
import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.Status;
import io.kubelite.model.StatusException;
import io.kubelite.store.Watch;
import io.kubelite.store.WatchEvent;
import io.kubelite.store.WatchListener;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * One client's watch. The store's dispatch thread hands events to a bounded queue and never waits;
 * a writer thread drains the queue into the response as newline-delimited JSON, one flush per event.
 * A watcher that lets its queue overflow is ended with a 410 ERROR event, so that it lists again.
 */
final class WatchStream implements WatchListener {

    /** Wakes the writer without carrying an event. */
    private static final WatchEvent WAKE = new WatchEvent("WAKE", null, 0);
    private static final byte[] NEWLINE = {'\n'};

    private final ResourceKind kind;
    private final List<ObjectNode> initialObjects;
    private final BlockingQueue<WatchEvent> queue;
    private final boolean allowBookmarks;
    private final Duration timeout;
    private final long deadlineNanos;
    private final long bookmarkIntervalNanos;
    private final long idleProbeNanos;
    private final long fromRevision;
    private final AtomicLong progress;
    private volatile Status failure;
    private volatile boolean stopped;
    private volatile Watch watch;

    WatchStream(ResourceKind kind, List<ObjectNode> initialObjects, long fromRevision, boolean allowBookmarks,
                Duration timeout, int queueCapacity, Duration bookmarkInterval, Duration idleProbeInterval) {
        this.kind = kind;
        this.initialObjects = initialObjects;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.allowBookmarks = allowBookmarks;
        this.timeout = timeout;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.bookmarkIntervalNanos = bookmarkInterval.toNanos();
        this.idleProbeNanos = idleProbeInterval.toNanos();
        this.fromRevision = fromRevision;
        this.progress = new AtomicLong(fromRevision);
    }

    void attach(Watch storeWatch) {
        this.watch = storeWatch;
    }

    Duration timeout() {
        return timeout;
    }

    /** Closes the store watch; the stream receives nothing more. */
    void close() {
        Watch storeWatch = watch;
        if (storeWatch != null) {
            storeWatch.close();
        }
    }

    @Override
    public void onEvent(WatchEvent event) {
        if (failure != null || stopped) {
            return;
        }
        if (!queue.offer(event)) {
            fail(Status.failure(410, "Expired", "the watch fell too far behind the changes; "
                    + "list again and watch from the new resourceVersion", null));
        }
    }

    @Override
    public void onProgress(long revision) {
        progress.accumulateAndGet(revision, Math::max);
    }

    @Override
    public void onError(StatusException error) {
        fail(error.status());
    }

    /** Ends the stream at once, without an ERROR event (server shutdown, client gone). */
    void stop() {
        stopped = true;
        queue.offer(WAKE);
    }

    private void fail(Status status) {
        if (failure == null) {
            failure = status;
            queue.offer(WAKE);
        }
    }

    /**
     * Writes the stream until the deadline, a failure, a stop or a vanished client, then closes the
     * store watch. Runs on a watch writer thread.
     */
    void writeTo(OutputStream out) throws IOException {
        try {
            for (ObjectNode object : initialObjects) {
                write(out, event(WatchEvent.ADDED, TypeMeta.withTypeMeta(kind, object)));
            }
            follow(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    private void follow(OutputStream out) throws IOException, InterruptedException {
        long sentRevision = fromRevision;
        long lastEvent = System.nanoTime();
        long lastWrite = lastEvent;
        while (!stopped) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            // Read before polling: every event up to this revision was queued before, so an empty
            // queue afterwards means all of them were written and a bookmark cannot overtake one.
            long seen = progress.get();
            WatchEvent next = queue.poll(Math.min(remaining, Math.min(bookmarkIntervalNanos, idleProbeNanos)),
                    TimeUnit.NANOSECONDS);
            if (stopped) {
                return;
            }
            if (next != null && next != WAKE) {
                write(out, event(next.type(), TypeMeta.withTypeMeta(kind, next.object())));
                sentRevision = Math.max(sentRevision, next.revision());
                lastEvent = lastWrite = System.nanoTime();
                continue;
            }
            if (failure != null) {
                write(out, event("ERROR", Json.MAPPER.valueToTree(failure)));
                return;
            }
            long now = System.nanoTime();
            if (allowBookmarks && seen > sentRevision && now - lastEvent >= bookmarkIntervalNanos) {
                write(out, bookmark(seen));
                sentRevision = seen;
                lastEvent = lastWrite = System.nanoTime();
            } else if (now - lastWrite >= idleProbeNanos) {
                // JSON stream decoders skip whitespace. A client that has gone answers this write with a
                // reset, so the next probe fails and ends the stream.
                out.write(NEWLINE);
                out.flush();
                lastWrite = System.nanoTime();
            }
        }
    }

    private ObjectNode bookmark(long revision) {
        ObjectNode object = Json.MAPPER.createObjectNode();
        object.put("kind", kind.kind());
        object.put("apiVersion", kind.apiVersion());
        object.putObject("metadata").put("resourceVersion", Long.toString(revision));
        return event("BOOKMARK", object);
    }

    private static ObjectNode event(String type, ObjectNode object) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("type", type);
        event.set("object", object);
        return event;
    }

    private static void write(OutputStream out, ObjectNode event) throws IOException {
        out.write(Json.MAPPER.writeValueAsBytes(event));
        out.write(NEWLINE);
        out.flush();
    }
}
