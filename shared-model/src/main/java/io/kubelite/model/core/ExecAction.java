package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A probe that runs a command in the container; exit code 0 is healthy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecAction(List<String> command) { }
