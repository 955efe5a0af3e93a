package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What is declared about a node: its pod network, whether it takes new pods, its taints. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeSpec(String podCIDR,
                       List<String> podCIDRs,
                       String providerID,
                       Boolean unschedulable,
                       List<Taint> taints) { }
