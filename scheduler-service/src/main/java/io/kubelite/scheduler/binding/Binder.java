package io.kubelite.scheduler.binding;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.scheduler.cache.PendingPod;
import io.kubelite.store.BindResult;
import io.kubelite.store.Binding;
import io.kubelite.store.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds pods the way Kubernetes' pods/binding does: one write per pod that sets {@code spec.nodeName} and the
 * condition {@code PodScheduled=True} together, against the uid and resourceVersion the scheduler read, so a pod
 * that changed meanwhile (or that another scheduler bound) is never bound twice. The placements go to the store
 * in chunks, each chunk's writes queued together, on a small pool, so a round costs a few transactions.
 */
public final class Binder {

    /** Bindings per store call: one read of their pods, then their writes queued at once. */
    static final int CHUNK = 128;

    private final ObjectStore store;
    private final Executor writers;

    public Binder(ObjectStore store, Executor writers) {
        this.store = store;
        this.writers = writers;
    }

    /** Binds each pod to its node; the outcomes come in the order given. */
    public List<BindOutcome> bindAll(Map<PendingPod, String> placements) {
        List<Map.Entry<PendingPod, String>> all = List.copyOf(placements.entrySet());
        List<CompletableFuture<List<BindOutcome>>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Map.Entry<PendingPod, String>> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            chunks.add(CompletableFuture.supplyAsync(() -> bind(chunk), writers));
        }
        return chunks.stream().flatMap(chunk -> chunk.join().stream()).toList();
    }

    private List<BindOutcome> bind(List<Map.Entry<PendingPod, String>> placements) {
        List<BindResult> results;
        try {
            results = store.bindAll(placements.stream().map(p -> binding(p.getKey(), p.getValue())).toList());
        } catch (RuntimeException e) {
            return placements.stream().map(p -> failed(p.getKey(), p.getValue(), e)).toList();
        }
        List<BindOutcome> outcomes = new ArrayList<>(placements.size());
        for (int i = 0; i < placements.size(); i++) {
            PendingPod pod = placements.get(i).getKey();
            String nodeName = placements.get(i).getValue();
            BindResult result = results.get(i);
            outcomes.add(result.failure() == null
                    ? new BindOutcome(pod, nodeName, BindOutcome.Result.BOUND, result.pod(), null)
                    : failed(pod, nodeName, result.failure()));
        }
        return outcomes;
    }

    private static Binding binding(PendingPod pod, String nodeName) {
        return new Binding(pod.info().namespace(), pod.info().name(), pod.info().uid(), pod.info().resourceVersion(),
                nodeName);
    }

    private BindOutcome failed(PendingPod pod, String nodeName, RuntimeException failure) {
        int code = failure instanceof StatusException status ? status.code() : 500;
        return switch (code) {
            case 409 -> new BindOutcome(pod, nodeName, BindOutcome.Result.CONFLICT, reread(pod), null);
            case 404 -> new BindOutcome(pod, nodeName, BindOutcome.Result.GONE, null, null);
            default -> new BindOutcome(pod, nodeName, BindOutcome.Result.FAILED, null, failure.getMessage());
        };
    }

    /** The pod as stored now; null when it is gone; as read before when the store cannot answer. */
    private ObjectNode reread(PendingPod pod) {
        try {
            return store.get(ResourceKind.POD, pod.info().namespace(), pod.info().name());
        } catch (StatusException e) {
            return e.code() == 404 ? null : pod.object();
        }
    }
}
