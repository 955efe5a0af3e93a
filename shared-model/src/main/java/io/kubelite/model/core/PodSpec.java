package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** What a pod runs and where it may run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PodSpec(List<Container> containers,
                      List<Container> initContainers,
                      String restartPolicy,
                      Long terminationGracePeriodSeconds,
                      Long activeDeadlineSeconds,
                      String dnsPolicy,
                      Map<String, String> nodeSelector,
                      String serviceAccountName,
                      String nodeName,
                      Boolean hostNetwork,
                      String hostname,
                      String subdomain,
                      String schedulerName,
                      List<Toleration> tolerations,
                      String priorityClassName,
                      Integer priority) {

    /** The same spec bound to a node. */
    public PodSpec withNodeName(String nodeName) {
        return new PodSpec(containers, initContainers, restartPolicy, terminationGracePeriodSeconds,
                activeDeadlineSeconds, dnsPolicy, nodeSelector, serviceAccountName, nodeName, hostNetwork, hostname,
                subdomain, schedulerName, tolerations, priorityClassName, priority);
    }
}
