package io.kubelite.model.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubelite.model.meta.IntOrString;

/** The bounds of a rolling update, each a number of pods or a percentage. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RollingUpdateDeployment(IntOrString maxUnavailable, IntOrString maxSurge) { }
