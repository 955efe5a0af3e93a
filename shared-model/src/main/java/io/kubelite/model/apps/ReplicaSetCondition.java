package io.kubelite.model.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One replica set condition, such as {@code ReplicaFailure}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplicaSetCondition(String type,
                                  String status,
                                  Instant lastTransitionTime,
                                  String reason,
                                  String message) { }
