package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One container of a pod. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Container(String name,
                        String image,
                        List<String> command,
                        List<String> args,
                        String workingDir,
                        List<ContainerPort> ports,
                        List<EnvVar> env,
                        ResourceRequirements resources,
                        Probe livenessProbe,
                        Probe readinessProbe,
                        Probe startupProbe,
                        String terminationMessagePath,
                        String terminationMessagePolicy,
                        String imagePullPolicy) { }
