package io.kubelite.agent.pod;

import io.kubelite.agent.runtime.ContainerRuntime;
import io.kubelite.agent.runtime.RuntimeContainer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops containers off the pod workers' threads: a stop waits up to its grace period (SIGTERM, then SIGKILL), and
 * a few pods being deleted must not hold up every other pod. Containers of a pod stop side by side.
 */
final class ContainerStopper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ContainerStopper.class);
    private static final int THREADS = 8;

    private final ContainerRuntime runtime;
    private final Set<String> stopping = ConcurrentHashMap.newKeySet();
    private final ExecutorService pool;

    ContainerStopper(ContainerRuntime runtime) {
        this.runtime = runtime;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "container-stopper-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Stops the container unless a stop of it is already under way, then runs {@code then}. */
    void stop(RuntimeContainer container, Duration gracePeriod, Runnable then) {
        if (!stopping.add(container.id())) {
            return;
        }
        pool.execute(() -> {
            try {
                runtime.stop(container.id(), gracePeriod);
            } catch (RuntimeException e) {
                log.warn("Could not stop container {} of pod {}/{} ({}); the pod's next sync tries again",
                        container.containerName(), container.pod().namespace(), container.pod().name(), e.getMessage());
            } finally {
                stopping.remove(container.id());
                then.run();
            }
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
