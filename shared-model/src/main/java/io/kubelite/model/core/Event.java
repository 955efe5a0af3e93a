package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubelite.model.meta.KubernetesObject;
import io.kubelite.model.meta.ObjectMeta;
import java.time.Instant;

/** A v1 Event: something that happened to an object, such as a pod being scheduled. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Event(String apiVersion,
                    String kind,
                    ObjectMeta metadata,
                    ObjectReference involvedObject,
                    String reason,
                    String message,
                    EventSource source,
                    Instant firstTimestamp,
                    Instant lastTimestamp,
                    Integer count,
                    String type,
                    String reportingComponent,
                    String reportingInstance) implements KubernetesObject {

    public static final String API_VERSION = "v1";
    public static final String KIND = "Event";
    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";

    public Event withMetadata(ObjectMeta metadata) {
        return new Event(apiVersion, kind, metadata, involvedObject, reason, message, source, firstTimestamp,
                lastTimestamp, count, type, reportingComponent, reportingInstance);
    }

    /** The same event seen once more, as Kubernetes counts repeated events. */
    public Event repeated(Instant at) {
        return new Event(apiVersion, kind, metadata, involvedObject, reason, message, source, firstTimestamp, at,
                count == null ? 2 : count + 1, type, reportingComponent, reportingInstance);
    }
}
