package io.kubelite.controller.node;

import io.kubelite.model.core.Taint;
import io.kubelite.model.core.Toleration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a pod must leave a node because of the node's {@code NoExecute} taints, as Kubernetes' taint manager decides:
 * at once for a taint it does not tolerate, after the shortest {@code tolerationSeconds} of the tolerations that
 * match a taint (counted from the taint's {@code timeAdded}), never when those tolerations set no time.
 *
 * <p>A pod with no toleration of its own for {@code not-ready} or {@code unreachable} is judged as if it had one for
 * the default time, which is what Kubernetes' DefaultTolerationSeconds admission adds to every pod (with 300 s).
 */
final class NoExecuteTaints {

    static final String NOT_READY = "node.kubernetes.io/not-ready";
    static final String UNREACHABLE = "node.kubernetes.io/unreachable";
    static final String NO_EXECUTE = "NoExecute";

    private final Duration defaultToleration;

    NoExecuteTaints(Duration defaultToleration) {
        this.defaultToleration = defaultToleration;
    }

    /**
     * When the pod must be evicted; empty if it may stay for ever. A taint without {@code timeAdded} counts from
     * {@code now}.
     */
    Optional<Instant> evictionTime(List<Taint> taints, List<Toleration> tolerations, Instant now) {
        Instant earliest = null;
        for (Taint taint : taints) {
            if (!NO_EXECUTE.equals(taint.effect())) {
                continue;
            }
            Optional<Duration> tolerated = toleratedFor(taint, tolerations);
            if (tolerated.isEmpty()) {
                continue;
            }
            Instant added = taint.timeAdded() != null ? taint.timeAdded() : now;
            Instant evictAt = added.plus(tolerated.get());
            if (earliest == null || evictAt.isBefore(earliest)) {
                earliest = evictAt;
            }
        }
        return Optional.ofNullable(earliest);
    }

    /** How long the pod tolerates the taint: zero if not at all, empty if for ever. */
    private Optional<Duration> toleratedFor(Taint taint, List<Toleration> tolerations) {
        List<Toleration> matching = tolerations.stream().filter(toleration -> toleration.tolerates(taint)).toList();
        if (matching.isEmpty() && (NOT_READY.equals(taint.key()) || UNREACHABLE.equals(taint.key()))) {
            return Optional.of(defaultToleration);
        }
        if (matching.isEmpty()) {
            return Optional.of(Duration.ZERO);
        }
        return matching.stream().map(Toleration::tolerationSeconds).filter(seconds -> seconds != null)
                .map(seconds -> Duration.ofSeconds(Math.max(0, seconds))).min(Duration::compareTo);
    }
}
