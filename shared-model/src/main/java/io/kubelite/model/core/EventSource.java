package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The component (and host) that reported an event. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventSource(String component, String host) { }
