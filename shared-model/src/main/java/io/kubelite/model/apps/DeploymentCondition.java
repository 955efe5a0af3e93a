package io.kubelite.model.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One deployment condition: {@code Available}, {@code Progressing} or {@code ReplicaFailure}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentCondition(String type,
                                  String status,
                                  Instant lastUpdateTime,
                                  Instant lastTransitionTime,
                                  String reason,
                                  String message) { }
