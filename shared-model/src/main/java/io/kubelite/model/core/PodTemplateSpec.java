package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubelite.model.meta.ObjectMeta;

/** The pod a workload creates: its metadata (labels) and spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PodTemplateSpec(ObjectMeta metadata, PodSpec spec) { }
