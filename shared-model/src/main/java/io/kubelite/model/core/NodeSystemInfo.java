package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Facts about a node's machine and software. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeSystemInfo(String machineID,
                             String systemUUID,
                             String bootID,
                             String kernelVersion,
                             String osImage,
                             String containerRuntimeVersion,
                             String kubeletVersion,
                             String kubeProxyVersion,
                             String operatingSystem,
                             String architecture) { }
