package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A namespace's spec: the finalizers that must run before it is removed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NamespaceSpec(List<String> finalizers) { }
