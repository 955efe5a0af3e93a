package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** What is known about a running pod. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PodStatus(String phase,
                        List<PodCondition> conditions,
                        String message,
                        String reason,
                        String nominatedNodeName,
                        String hostIP,
                        String podIP,
                        Instant startTime,
                        List<ContainerStatus> initContainerStatuses,
                        List<ContainerStatus> containerStatuses,
                        String qosClass) { }
