package io.kubelite.scheduler.binding;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.scheduler.cache.PendingPod;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds pods: a compare-and-swap update of each pod setting {@code spec.nodeName}, against the resourceVersion the
 * scheduler read, so a pod that changed meanwhile (or that another scheduler bound) is never bound twice; then
 * the condition {@code PodScheduled=True}. The writes run on a small pool, so the store commits them in groups.
 */
public final class Binder {

    private static final Logger log = LoggerFactory.getLogger(Binder.class);
    private static final int STATUS_ATTEMPTS = 3;

    private final ObjectStore store;
    private final Executor writers;
    private final Clock clock;

    public Binder(ObjectStore store, Executor writers, Clock clock) {
        this.store = store;
        this.writers = writers;
        this.clock = clock;
    }

    /** Binds each pod to its node; the outcomes come in the order given. */
    public List<BindOutcome> bindAll(Map<PendingPod, String> placements) {
        List<CompletableFuture<BindOutcome>> futures = placements.entrySet().stream()
                .map(p -> CompletableFuture.supplyAsync(() -> bind(p.getKey(), p.getValue()), writers))
                .toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    BindOutcome bind(PendingPod pod, String nodeName) {
        ObjectNode request = pod.object().deepCopy();
        ((ObjectNode) request.get("spec")).put("nodeName", nodeName);
        ObjectNode bound;
        try {
            bound = store.update(ResourceKind.POD, request, WriteOptions.NONE);
        } catch (StatusException e) {
            return switch (e.code()) {
                case 409 -> new BindOutcome(pod, nodeName, BindOutcome.Result.CONFLICT, reread(pod), null);
                case 404 -> new BindOutcome(pod, nodeName, BindOutcome.Result.GONE, null, null);
                default -> new BindOutcome(pod, nodeName, BindOutcome.Result.FAILED, null, e.getMessage());
            };
        }
        return new BindOutcome(pod, nodeName, BindOutcome.Result.BOUND, markScheduled(bound), null);
    }

    /** Sets PodScheduled=True, re-reading when a node agent wrote the status first; returns the latest pod. */
    private ObjectNode markScheduled(ObjectNode bound) {
        ObjectNode current = bound;
        for (int attempt = 1; attempt <= STATUS_ATTEMPTS; attempt++) {
            try {
                return store.updateStatus(ResourceKind.POD,
                        PodConditions.withPodScheduled(current, "True", null, null, clock.instant()), WriteOptions.NONE);
            } catch (StatusException e) {
                if (e.code() != 409) {
                    log.warn("Pod {}/{} is bound but its PodScheduled condition was not written: {}",
                            namespace(bound), name(bound), e.getMessage());
                    return bound;
                }
                current = store.get(ResourceKind.POD, namespace(bound), name(bound));
            }
        }
        log.warn("Pod {}/{} is bound but its PodScheduled condition lost {} races with other writers",
                namespace(bound), name(bound), STATUS_ATTEMPTS);
        return current;
    }

    /** The pod as stored now; null when it is gone; as read before when the store cannot answer. */
    private ObjectNode reread(PendingPod pod) {
        try {
            return store.get(ResourceKind.POD, pod.info().namespace(), pod.info().name());
        } catch (StatusException e) {
            return e.code() == 404 ? null : pod.object();
        }
    }

    private static String namespace(ObjectNode pod) {
        return pod.path("metadata").path("namespace").asString();
    }

    private static String name(ObjectNode pod) {
        return pod.path("metadata").path("name").asString();
    }
}
