package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A health check of a container: one handler and its timing. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Probe(ExecAction exec,
                    HTTPGetAction httpGet,
                    TCPSocketAction tcpSocket,
                    Integer initialDelaySeconds,
                    Integer timeoutSeconds,
                    Integer periodSeconds,
                    Integer successThreshold,
                    Integer failureThreshold,
                    Long terminationGracePeriodSeconds) { }
