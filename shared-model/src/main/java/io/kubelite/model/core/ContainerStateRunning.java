package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A running container and when it started. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerStateRunning(Instant startedAt) { }
