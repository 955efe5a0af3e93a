package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A container not yet running, with why ({@code ContainerCreating}, {@code ImagePullBackOff}...). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerStateWaiting(String reason, String message) { }
