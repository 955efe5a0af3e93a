package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubelite.model.quantity.Quantity;
import java.util.List;
import java.util.Map;

/**
 * What a node reports: its resources, conditions (Ready...), addresses, system, and the port its agent serves
 * container logs on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeStatus(Map<String, Quantity> capacity,
                         Map<String, Quantity> allocatable,
                         List<NodeCondition> conditions,
                         List<NodeAddress> addresses,
                         NodeSystemInfo nodeInfo,
                         NodeDaemonEndpoints daemonEndpoints) { }
