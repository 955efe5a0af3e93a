package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One node condition, such as {@code Ready=True}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeCondition(String type,
                            String status,
                            Instant lastHeartbeatTime,
                            Instant lastTransitionTime,
                            String reason,
                            String message) { }
