package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A header sent by an HTTP probe. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HTTPHeader(String name, String value) { }
