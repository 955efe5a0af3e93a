package io.kubelite.controller.queue;

import java.time.Duration;
import java.util.Optional;

/** One control loop's work: bring the object a key names to what it declares. */
public interface Reconciler {

    /**
     * Reconciles one object; may be called again for the same key at any time, so it must read the present state
     * rather than remember past calls.
     *
     * @return when to look at this key again even if nothing changes (a timed check), or empty
     * @throws RuntimeException to be retried after a back-off (e.g. a 409 Conflict from a stale write)
     */
    Optional<Duration> reconcile(String key);
}
