package io.kubelite.model.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What the replica set controller observed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplicaSetStatus(Integer replicas,
                               Integer fullyLabeledReplicas,
                               Integer readyReplicas,
                               Integer availableReplicas,
                               Long observedGeneration,
                               List<ReplicaSetCondition> conditions) { }
