package io.kubelite.model.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubelite.model.core.PodTemplateSpec;
import io.kubelite.model.meta.LabelSelector;

/** How many pods of which template a deployment wants, and how it rolls out changes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentSpec(Integer replicas,
                             LabelSelector selector,
                             PodTemplateSpec template,
                             DeploymentStrategy strategy,
                             Integer minReadySeconds,
                             Integer revisionHistoryLimit,
                             Boolean paused,
                             Integer progressDeadlineSeconds) {

    public DeploymentSpec withReplicas(Integer replicas) {
        return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds, revisionHistoryLimit, paused,
                progressDeadlineSeconds);
    }
}
