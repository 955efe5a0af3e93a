package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A node taint; pods that do not tolerate it are kept off ({@code NoSchedule}) or evicted ({@code NoExecute}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Taint(String key, String value, String effect, Instant timeAdded) { }
