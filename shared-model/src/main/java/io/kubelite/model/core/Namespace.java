package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubelite.model.meta.KubernetesObject;
import io.kubelite.model.meta.ObjectMeta;

/** A v1 Namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Namespace(String apiVersion,
                        String kind,
                        ObjectMeta metadata,
                        NamespaceSpec spec,
                        NamespaceStatus status) implements KubernetesObject {

    public static final String API_VERSION = "v1";
    public static final String KIND = "Namespace";

    public static Namespace of(ObjectMeta metadata, NamespaceSpec spec) {
        return new Namespace(API_VERSION, KIND, metadata, spec, null);
    }

    public Namespace withMetadata(ObjectMeta metadata) {
        return new Namespace(apiVersion, kind, metadata, spec, status);
    }

    public Namespace withSpec(NamespaceSpec spec) {
        return new Namespace(apiVersion, kind, metadata, spec, status);
    }

    public Namespace withStatus(NamespaceStatus status) {
        return new Namespace(apiVersion, kind, metadata, spec, status);
    }
}
