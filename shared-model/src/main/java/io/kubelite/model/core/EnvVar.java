package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An environment variable set in a container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvVar(String name, String value) { }
