package io.kubelite.model.autoscaling;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The desired number of replicas. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScaleSpec(Integer replicas) { }
