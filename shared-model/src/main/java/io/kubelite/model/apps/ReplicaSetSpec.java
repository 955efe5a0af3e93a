package io.kubelite.model.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubelite.model.core.PodTemplateSpec;
import io.kubelite.model.meta.LabelSelector;

/** How many pods of which template a replica set keeps. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplicaSetSpec(Integer replicas,
                             Integer minReadySeconds,
                             LabelSelector selector,
                             PodTemplateSpec template) {

    public ReplicaSetSpec withReplicas(Integer replicas) {
        return new ReplicaSetSpec(replicas, minReadySeconds, selector, template);
    }
}
