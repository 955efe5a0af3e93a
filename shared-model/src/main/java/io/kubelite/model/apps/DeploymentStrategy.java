package io.kubelite.model.apps;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How a deployment replaces pods: {@code RollingUpdate} (the default) or {@code Recreate}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentStrategy(String type, RollingUpdateDeployment rollingUpdate) { }
