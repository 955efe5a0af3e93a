package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The endpoints of the daemons on a node; the node agent's is where the API server fetches container logs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeDaemonEndpoints(DaemonEndpoint kubeletEndpoint) { }
