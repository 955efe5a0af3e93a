package io.kubelite.model.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubelite.model.meta.KubernetesObject;
import io.kubelite.model.meta.ObjectMeta;

/** An apps/v1 ReplicaSet: keeps a number of identical pods running. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplicaSet(String apiVersion,
                         String kind,
                         ObjectMeta metadata,
                         ReplicaSetSpec spec,
                         ReplicaSetStatus status) implements KubernetesObject {

    public static final String API_VERSION = "apps/v1";
    public static final String KIND = "ReplicaSet";

    public static ReplicaSet of(ObjectMeta metadata, ReplicaSetSpec spec) {
        return new ReplicaSet(API_VERSION, KIND, metadata, spec, null);
    }

    public ReplicaSet withMetadata(ObjectMeta metadata) {
        return new ReplicaSet(apiVersion, kind, metadata, spec, status);
    }

    public ReplicaSet withSpec(ReplicaSetSpec spec) {
        return new ReplicaSet(apiVersion, kind, metadata, spec, status);
    }

    public ReplicaSet withStatus(ReplicaSetStatus status) {
        return new ReplicaSet(apiVersion, kind, metadata, spec, status);
    }
}
