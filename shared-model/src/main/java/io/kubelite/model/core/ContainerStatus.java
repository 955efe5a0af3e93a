package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The state of one container of a pod, as its node reports it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerStatus(String name,
                              ContainerState state,
                              ContainerState lastState,
                              Boolean ready,
                              Integer restartCount,
                              String image,
                              String imageID,
                              String containerID,
                              Boolean started) { }
