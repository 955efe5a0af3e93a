package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A pod's tolerance of matching taints; {@code operator} is Equal (the default) or Exists. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Toleration(String key, String operator, String value, String effect, Long tolerationSeconds) { }
