package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One pod condition, such as {@code PodScheduled=False, reason=Unschedulable}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PodCondition(String type,
                           String status,
                           Instant lastProbeTime,
                           Instant lastTransitionTime,
                           String reason,
                           String message) { }
