package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A port a node daemon listens on. Kubernetes spells the field with a capital P. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DaemonEndpoint(@JsonProperty("Port") Integer port) { }
