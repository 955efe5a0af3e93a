package io.kubelite.controller.event;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.model.core.Event;
import io.kubelite.model.core.EventSource;
import io.kubelite.model.core.ObjectReference;
import io.kubelite.model.meta.ObjectMeta;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the Events that say what a controller did (ScalingReplicaSet, SuccessfulCreate, NodeNotReady...), as
 * {@code kubectl describe} shows them. An event that cannot be written is logged and dropped: it never fails the
 * work it reports.
 */
public final class EventRecorder {

    private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);
    private static final String COMPONENT = "controller-manager";

    private final ObjectStore store;
    private final Clock clock;
    private final String instance;

    public EventRecorder(ObjectStore store, Clock clock, String instance) {
        this.store = store;
        this.clock = clock;
        this.instance = instance;
    }

    public void normal(ResourceKind kind, ObjectNode object, String reason, String message) {
        record(kind, object, Event.NORMAL, reason, message);
    }

    public void warning(ResourceKind kind, ObjectNode object, String reason, String message) {
        record(kind, object, Event.WARNING, reason, message);
    }

    private void record(ResourceKind kind, ObjectNode object, String type, String reason, String message) {
        Instant now = clock.instant();
        ObjectNode metadata = (ObjectNode) object.path("metadata");
        String name = metadata.path("name").asString("");
        // Events of cluster-scoped objects (nodes) live in the default namespace, as in Kubernetes.
        String namespace = kind.namespaced() ? metadata.path("namespace").asString("default") : "default";
        ObjectReference involved = new ObjectReference(kind.kind(), kind.namespaced() ? namespace : null, name,
                metadata.path("uid").asString(null), kind.apiVersion(),
                metadata.path("resourceVersion").asString(null), null);
        String eventName = name + "." + Long.toHexString(now.getEpochSecond() * 1_000_000_000L + now.getNano());
        Event event = new Event(Event.API_VERSION, Event.KIND, ObjectMeta.named(namespace, eventName), involved,
                reason, message, new EventSource(COMPONENT, null), now, now, 1, type, COMPONENT, instance);
        try {
            store.create(ResourceKind.EVENT, Json.MAPPER.valueToTree(event), WriteOptions.NONE);
        } catch (StatusException e) {
            log.warn("Event {} for {} {}/{} not written: {}", reason, kind.singular(), namespace, name,
                    e.getMessage());
        }
    }
}
