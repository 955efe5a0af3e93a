package io.kubelite.model.autoscaling;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubelite.model.meta.KubernetesObject;
import io.kubelite.model.meta.ObjectMeta;

/** The autoscaling/v1 Scale of a deployment or replica set, served at its {@code /scale} subresource. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scale(String apiVersion,
                    String kind,
                    ObjectMeta metadata,
                    ScaleSpec spec,
                    ScaleStatus status) implements KubernetesObject {

    public static final String API_VERSION = "autoscaling/v1";
    public static final String KIND = "Scale";

    public static Scale of(ObjectMeta metadata, ScaleSpec spec) {
        return new Scale(API_VERSION, KIND, metadata, spec, null);
    }

    public Scale withMetadata(ObjectMeta metadata) {
        return new Scale(apiVersion, kind, metadata, spec, status);
    }

    public Scale withSpec(ScaleSpec spec) {
        return new Scale(apiVersion, kind, metadata, spec, status);
    }

    public Scale withStatus(ScaleStatus status) {
        return new Scale(apiVersion, kind, metadata, spec, status);
    }
}
