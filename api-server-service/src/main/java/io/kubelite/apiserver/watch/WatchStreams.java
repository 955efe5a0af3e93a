package io.kubelite.apiserver.watch;

import io.kubelite.apiserver.config.ApiServerProperties;
import io.kubelite.apiserver.error.StatusReasons;
import io.kubelite.model.StatusException;
import io.kubelite.store.ListOptions;
import io.kubelite.store.ObjectList;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.Watch;
import io.kubelite.store.WatchOptions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opens watch streams and owns their writer threads: at most {@code kubelite.api.watch.max-open}
 * at once (more get 429), each ended and its store watch closed on shutdown, before the web server
 * waits for requests to drain.
 */
@Component
public class WatchStreams implements SmartLifecycle {

    private final ObjectStore store;
    private final ApiServerProperties.Watch settings;
    private final Semaphore slots;
    private final ThreadPoolExecutor writers;
    private final Set<WatchStream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    public WatchStreams(ObjectStore store, ApiServerProperties properties, MeterRegistry registry) {
        this.store = store;
        this.settings = properties.watch();
        this.slots = new Semaphore(settings.maxOpen());
        // The slots bound the tasks, so the queue only ever holds a task whose thread is finishing.
        CustomizableThreadFactory threads = new CustomizableThreadFactory("watch-writer-");
        threads.setDaemon(true);
        this.writers = new ThreadPoolExecutor(settings.maxOpen(), settings.maxOpen(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        this.writers.allowCoreThreadTimeOut(true);
        Gauge.builder("kubelite.apiserver.watches.open", open, Set::size)
                .description("Watch streams open now")
                .register(registry);
    }

    /**
     * Starts the stream for a watch request. Failures found before the stream starts (410 for a
     * compacted revision, 400 for a bad selector, 429 when full) are thrown as StatusExceptions.
     */
    public void open(WatchRequest request, HttpServletRequest httpRequest, HttpServletResponse response) {
        if (!running) {
            throw new StatusException(StatusReasons.failure(503, "the server is shutting down"));
        }
        if (!slots.tryAcquire()) {
            throw new StatusException(StatusReasons.failure(429,
                    "too many open watches (" + settings.maxOpen() + "); try again later"));
        }
        WatchStream stream;
        try {
            stream = startWatch(request);
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        open.add(stream);
        AsyncContext async = httpRequest.startAsync(httpRequest, response);
        async.setTimeout(stream.timeout().plusMinutes(1).toMillis());
        async.addListener(new StopOnContainerEnd(stream));
        try {
            writers.execute(() -> write(stream, async, response));
        } catch (RejectedExecutionException e) {
            // shut down in the meantime
            stream.close();
            release(stream);
            async.complete();
        }
    }

    private WatchStream startWatch(WatchRequest request) {
        List<ObjectNode> initial = List.of();
        long fromRevision;
        if (request.resourceVersion() == null) {
            ObjectList list = store.list(request.kind(), new ListOptions(request.namespace(),
                    request.labelSelector(), request.fieldSelector(), 0, null));
            initial = list.items();
            fromRevision = list.resourceVersion();
        } else {
            fromRevision = request.resourceVersion();
        }
        WatchStream stream = new WatchStream(request.kind(), initial, fromRevision, request.allowBookmarks(),
                timeout(request.timeoutSeconds()), settings.queueCapacity(), settings.bookmarkInterval(),
                settings.idleProbeInterval());
        Watch watch = store.watch(request.kind(), new WatchOptions(request.namespace(), request.labelSelector(),
                request.fieldSelector(), fromRevision), stream);
        stream.attach(watch);
        return stream;
    }

    private void release(WatchStream stream) {
        if (open.remove(stream)) {
            slots.release();
        }
    }

    private void write(WatchStream stream, AsyncContext async, HttpServletResponse response) {
        try {
            response.setStatus(200);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.flushBuffer();
            stream.writeTo(response.getOutputStream());
        } catch (IOException | IllegalStateException e) {
            // The client went away or the container gave up on the request: nobody is left to tell.
            stream.stop();
        } finally {
            release(stream);
            complete(async);
        }
    }

    private static void complete(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // The container ended the request itself after the failed write (its onError has run).
        }
    }

    private Duration timeout(Long timeoutSeconds) {
        if (timeoutSeconds == null || timeoutSeconds == 0) {
            return settings.defaultTimeout();
        }
        Duration requested = Duration.ofSeconds(timeoutSeconds);
        return requested.compareTo(settings.maxTimeout()) > 0 ? settings.maxTimeout() : requested;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream promptly, so that graceful shutdown does not wait for watch timeouts. */
    @Override
    public void stop() {
        running = false;
        open.forEach(WatchStream::stop);
        writers.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Runs before the web server's graceful shutdown phase, which waits for open requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private record StopOnContainerEnd(WatchStream stream) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            stream.stop();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            stream.stop();
        }

        @Override
        public void onError(AsyncEvent event) {
            stream.stop();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // a watch request starts async processing once
        }
    }
}
