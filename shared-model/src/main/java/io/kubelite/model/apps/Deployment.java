package io.kubelite.model.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubelite.model.meta.KubernetesObject;
import io.kubelite.model.meta.ObjectMeta;

/** An apps/v1 Deployment: a replicated pod template rolled out through ReplicaSets. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Deployment(String apiVersion,
                         String kind,
                         ObjectMeta metadata,
                         DeploymentSpec spec,
                         DeploymentStatus status) implements KubernetesObject {

    public static final String API_VERSION = "apps/v1";
    public static final String KIND = "Deployment";

    public static Deployment of(ObjectMeta metadata, DeploymentSpec spec) {
        return new Deployment(API_VERSION, KIND, metadata, spec, null);
    }

    public Deployment withMetadata(ObjectMeta metadata) {
        return new Deployment(apiVersion, kind, metadata, spec, status);
    }

    public Deployment withSpec(DeploymentSpec spec) {
        return new Deployment(apiVersion, kind, metadata, spec, status);
    }

    public Deployment withStatus(DeploymentStatus status) {
        return new Deployment(apiVersion, kind, metadata, spec, status);
    }
}
