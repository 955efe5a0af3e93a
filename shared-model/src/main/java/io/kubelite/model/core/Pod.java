package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubelite.model.meta.KubernetesObject;
import io.kubelite.model.meta.ObjectMeta;

/** A v1 Pod: containers that run together on one node. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pod(String apiVersion,
                  String kind,
                  ObjectMeta metadata,
                  PodSpec spec,
                  PodStatus status) implements KubernetesObject {

    public static final String API_VERSION = "v1";
    public static final String KIND = "Pod";

    public static Pod of(ObjectMeta metadata, PodSpec spec) {
        return new Pod(API_VERSION, KIND, metadata, spec, null);
    }

    public Pod withMetadata(ObjectMeta metadata) {
        return new Pod(apiVersion, kind, metadata, spec, status);
    }

    public Pod withSpec(PodSpec spec) {
        return new Pod(apiVersion, kind, metadata, spec, status);
    }

    public Pod withStatus(PodStatus status) {
        return new Pod(apiVersion, kind, metadata, spec, status);
    }
}
