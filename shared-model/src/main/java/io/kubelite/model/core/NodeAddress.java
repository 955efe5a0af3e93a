package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A node address; {@code type} is Hostname, InternalIP or ExternalIP. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeAddress(String type, String address) { }
