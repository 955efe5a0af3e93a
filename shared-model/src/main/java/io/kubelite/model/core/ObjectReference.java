package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubelite.model.meta.KubernetesObject;

/** A reference to an object, as in an event's {@code involvedObject}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectReference(String kind,
                              String namespace,
                              String name,
                              String uid,
                              String apiVersion,
                              String resourceVersion,
                              String fieldPath) {

    public static ObjectReference to(KubernetesObject object) {
        return new ObjectReference(object.kind(), object.metadata().namespace(), object.metadata().name(),
                object.metadata().uid(), object.apiVersion(), object.metadata().resourceVersion(), null);
    }
}
