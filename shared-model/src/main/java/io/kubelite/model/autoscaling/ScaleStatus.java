package io.kubelite.model.autoscaling;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The observed number of replicas and the label selector of its pods, as text. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScaleStatus(Integer replicas, String selector) { }
