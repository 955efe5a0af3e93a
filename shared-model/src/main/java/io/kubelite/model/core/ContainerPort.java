package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A port a container listens on; {@code protocol} is TCP, UDP or SCTP. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerPort(String name,
                            Integer hostPort,
                            Integer containerPort,
                            String protocol,
                            String hostIP) { }
