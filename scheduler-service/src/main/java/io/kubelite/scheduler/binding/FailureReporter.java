package io.kubelite.scheduler.binding;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.model.core.Event;
import io.kubelite.model.core.EventSource;
import io.kubelite.model.core.ObjectReference;
import io.kubelite.model.meta.ObjectMeta;
import io.kubelite.scheduler.cache.PendingPod;
import io.kubelite.scheduler.cache.ReportedFailure;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tells users why a pod waits: the condition {@code PodScheduled=False, reason=Unschedulable} with the message,
 * and a Warning event {@code FailedScheduling}. The same failure again bumps the event's count; the condition is
 * only written when its message changes.
 */
public final class FailureReporter {

    private static final Logger log = LoggerFactory.getLogger(FailureReporter.class);
    static final String FAILED_SCHEDULING = "FailedScheduling";

    private final ObjectStore store;
    private final Executor writers;
    private final Clock clock;
    private final String schedulerName;
    private final String instance;

    public FailureReporter(ObjectStore store, Executor writers, Clock clock, String schedulerName, String instance) {
        this.store = store;
        this.writers = writers;
        this.clock = clock;
        this.schedulerName = schedulerName;
        this.instance = instance;
    }

    /** Reports each pod's failure message; returns what was reported, to remember for the next repeat. */
    public Map<PendingPod, ReportedFailure> reportAll(Map<PendingPod, String> messages) {
        List<CompletableFuture<Map.Entry<PendingPod, ReportedFailure>>> futures = messages.entrySet().stream()
                .map(m -> CompletableFuture.supplyAsync(
                        () -> Map.entry(m.getKey(), report(m.getKey(), m.getValue())), writers))
                .toList();
        return futures.stream().map(CompletableFuture::join)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    ReportedFailure report(PendingPod pod, String message) {
        Instant now = clock.instant();
        if (!PodConditions.saysUnschedulable(pod.object(), message)) {
            try {
                store.updateStatus(ResourceKind.POD, PodConditions.withPodScheduled(pod.object(), "False",
                        PodConditions.UNSCHEDULABLE, message, now), WriteOptions.NONE);
            } catch (StatusException e) {
                // Changed or deleted meanwhile: its watch event brings the new state, and the next try says it.
                log.debug("Condition of pod {} not written: {}", pod.info().key(), e.getMessage());
            }
        }
        ReportedFailure last = pod.lastFailure();
        if (last != null && last.eventName() != null && last.message().equals(message) && bumped(pod, last, now)) {
            return last;
        }
        return new ReportedFailure(message, createEvent(pod, message, now));
    }

    /** Counts the failure once more on the event that reported it; false when that event is gone. */
    private boolean bumped(PendingPod pod, ReportedFailure last, Instant now) {
        try {
            ObjectNode stored = store.get(ResourceKind.EVENT, pod.info().namespace(), last.eventName());
            Event repeated = Json.MAPPER.treeToValue(stored, Event.class).repeated(now);
            store.update(ResourceKind.EVENT, Json.MAPPER.valueToTree(repeated), WriteOptions.NONE);
            return true;
        } catch (StatusException e) {
            return false;
        }
    }

    private String createEvent(PendingPod pod, String message, Instant now) {
        String name = pod.info().name() + "." + Long.toHexString(now.getEpochSecond() * 1_000_000_000L + now.getNano());
        ObjectNode podMeta = (ObjectNode) pod.object().get("metadata");
        ObjectReference involved = new ObjectReference("Pod", pod.info().namespace(), pod.info().name(),
                pod.info().uid(), "v1", podMeta.path("resourceVersion").asString(), null);
        Event event = new Event(Event.API_VERSION, Event.KIND, ObjectMeta.named(pod.info().namespace(), name),
                involved, FAILED_SCHEDULING, message, new EventSource(schedulerName, null), now, now, 1,
                Event.WARNING, schedulerName, instance);
        try {
            store.create(ResourceKind.EVENT, Json.MAPPER.valueToTree(event), WriteOptions.NONE);
            return name;
        } catch (StatusException e) {
            log.warn("Event {} for unschedulable pod {} not written: {}", FAILED_SCHEDULING, pod.info().key(),
                    e.getMessage());
            return null;
        }
    }
}
