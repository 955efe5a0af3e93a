package io.kubelite.controller.replicaset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a ReplicaSet's own creates and deletes are still expected to show in the pod informer, as Kubernetes'
 * controller expectations: until they have all arrived through the watch, the informer's count is stale and the
 * controller must not create or delete again, or it would overshoot. Creations are counted (their names are not
 * known before the store answers); deletions are tracked by pod uid, so a pod first marked and later removed is
 * observed once. Expectations older than {@link #TIMEOUT} are given up, so a lost observation cannot stall a
 * ReplicaSet forever.
 */
final class Expectations {

    /** Kubernetes' ExpectationsTimeout. */
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    private record Pending(int creations, Set<String> deletions, Instant since) {
        boolean fulfilled() {
            return creations <= 0 && deletions.isEmpty();
        }
    }

    private final Clock clock;
    private final Map<String, Pending> byKey = new HashMap<>();

    Expectations(Clock clock) {
        this.clock = clock;
    }

    /** Whether the ReplicaSet may act on what the informer shows: nothing it did is still on its way. */
    synchronized boolean satisfied(String key) {
        Pending pending = byKey.get(key);
        return pending == null || pending.fulfilled()
                || Duration.between(pending.since, clock.instant()).compareTo(TIMEOUT) > 0;
    }

    synchronized void expectCreations(String key, int count) {
        byKey.put(key, new Pending(count, new HashSet<>(), clock.instant()));
    }

    synchronized void expectDeletions(String key, Collection<String> podUids) {
        byKey.put(key, new Pending(0, new HashSet<>(podUids), clock.instant()));
    }

    /** A pod it created arrived, or a create failed or was never made and will not arrive. */
    synchronized void creationObserved(String key) {
        byKey.computeIfPresent(key, (k, p) -> new Pending(p.creations - 1, p.deletions, p.since));
    }

    /** A pod it deleted was seen going, or its delete failed. */
    synchronized void deletionObserved(String key, String podUid) {
        Pending pending = byKey.get(key);
        if (pending != null) {
            pending.deletions.remove(podUid);
        }
    }

    synchronized void forget(String key) {
        byKey.remove(key);
    }
}
