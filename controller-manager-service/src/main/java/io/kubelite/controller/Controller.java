package io.kubelite.controller;

import io.kubelite.controller.queue.Reconciler;
import io.kubelite.controller.queue.WorkQueue;
import java.util.Collection;

/** One control loop. The controller manager gives it a queue and workers, and runs it while it leads. */
public interface Controller extends Reconciler {

    /** A short name for logs, threads and metrics, such as {@code replicaset}. */
    String name();

    /** Queues, in {@code queue}, the key of what each change seen by its informers concerns. */
    void watch(WorkQueue queue);

    /** The keys of everything it looks after: reconciled all at once on election and every resync period. */
    Collection<String> allKeys();
}
