package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A namespace's phase: {@code Active} or {@code Terminating}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NamespaceStatus(String phase) { }
