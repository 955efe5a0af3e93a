package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubelite.model.meta.KubernetesObject;
import io.kubelite.model.meta.ObjectMeta;

/** A v1 Node: a machine (or a simulated one) that runs pods. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Node(String apiVersion,
                   String kind,
                   ObjectMeta metadata,
                   NodeSpec spec,
                   NodeStatus status) implements KubernetesObject {

    public static final String API_VERSION = "v1";
    public static final String KIND = "Node";

    public static Node of(ObjectMeta metadata, NodeSpec spec) {
        return new Node(API_VERSION, KIND, metadata, spec, null);
    }

    public Node withMetadata(ObjectMeta metadata) {
        return new Node(apiVersion, kind, metadata, spec, status);
    }

    public Node withSpec(NodeSpec spec) {
        return new Node(apiVersion, kind, metadata, spec, status);
    }

    public Node withStatus(NodeStatus status) {
        return new Node(apiVersion, kind, metadata, spec, status);
    }
}
