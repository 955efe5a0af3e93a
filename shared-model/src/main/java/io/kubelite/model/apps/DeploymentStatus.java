package io.kubelite.model.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What the deployment controller observed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentStatus(Long observedGeneration,
                               Integer replicas,
                               Integer updatedReplicas,
                               Integer readyReplicas,
                               Integer availableReplicas,
                               Integer unavailableReplicas,
                               List<DeploymentCondition> conditions,
                               Integer collisionCount) { }
