package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubelite.model.meta.IntOrString;

/** A probe that opens a TCP connection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TCPSocketAction(IntOrString port, String host) { }
