package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubelite.model.quantity.Quantity;
import java.util.Map;

/** What a container asks for ({@code requests}, used to schedule) and may use at most ({@code limits}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceRequirements(Map<String, Quantity> limits, Map<String, Quantity> requests) { }
