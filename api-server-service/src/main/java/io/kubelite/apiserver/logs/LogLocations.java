package io.kubelite.apiserver.logs;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.store.ObjectStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds the node agent that holds a container's log, as Kubernetes' LogLocation does: the pod, its container,
 * its node ({@code spec.nodeName}), and that node's address ({@code status.addresses}: InternalIP, else
 * Hostname) and agent port ({@code status.daemonEndpoints.kubeletEndpoint.Port}).
 */
@Component
class LogLocations {

    private final ObjectStore store;

    LogLocations(ObjectStore store) {
        this.store = store;
    }

    /**
     * 404 for a missing pod or node, 400 for a container that cannot be chosen or an unbound pod, 503 when the
     * node does not say where its agent listens.
     */
    AgentLogLocation locate(String namespace, String podName, PodLogOptions options) {
        ObjectNode pod = store.get(ResourceKind.POD, namespace, podName);
        String container = container(pod, podName, options.container());
        String nodeName = pod.path("spec").path("nodeName").asString("");
        if (nodeName.isEmpty()) {
            throw StatusException.badRequest("pod " + podName + " does not have a host assigned");
        }
        ObjectNode node = store.get(ResourceKind.NODE, null, nodeName);
        String host = address(node.path("status").path("addresses"));
        if (host == null) {
            throw unreachable(nodeName, podName, "it reports no InternalIP or Hostname address (status.addresses)");
        }
        int port = node.path("status").path("daemonEndpoints").path("kubeletEndpoint").path("Port").asInt(0);
        if (port <= 0 || port > 65535) {
            throw unreachable(nodeName, podName,
                    "it reports no agent port (status.daemonEndpoints.kubeletEndpoint.Port)");
        }
        String agent = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        StringBuilder uri = new StringBuilder(agent).append("/containerLogs/")
                .append(segment(namespace)).append('/').append(segment(podName)).append('/').append(segment(container));
        List<String> query = new ArrayList<>();
        if (options.tailLines() != null) {
            // More lines than a log holds means all of them; the agent reads an int.
            query.add("tailLines=" + Math.min(options.tailLines(), Integer.MAX_VALUE));
        }
        if (options.follow()) {
            query.add("follow=true");
        }
        if (!query.isEmpty()) {
            uri.append('?').append(String.join("&", query));
        }
        try {
            return new AgentLogLocation(nodeName, agent, URI.create(uri.toString()));
        } catch (IllegalArgumentException e) {
            throw unreachable(nodeName, podName, "its address " + host + " is not a valid host name or IP");
        }
    }

    /** The container named, or the pod's only one; the messages are Kubernetes'. */
    private static String container(ObjectNode pod, String podName, String requested) {
        List<String> containers = names(pod.path("spec").path("containers"));
        List<String> initContainers = names(pod.path("spec").path("initContainers"));
        if (requested == null) {
            if (containers.size() == 1) {
                return containers.get(0);
            }
            String message = "a container name must be specified for pod " + podName
                    + ", choose one of: [" + String.join(" ", containers) + "]";
            if (!initContainers.isEmpty()) {
                message += " or one of the init containers: [" + String.join(" ", initContainers) + "]";
            }
            throw StatusException.badRequest(message);
        }
        if (!containers.contains(requested) && !initContainers.contains(requested)) {
            throw StatusException.badRequest("container " + requested + " is not valid for pod " + podName);
        }
        return requested;
    }

    private static List<String> names(JsonNode containers) {
        List<String> names = new ArrayList<>();
        containers.forEach(container -> names.add(container.path("name").asString("")));
        return names;
    }

    /** The first InternalIP, else the first Hostname; null when the node reports neither. */
    private static String address(JsonNode addresses) {
        for (String type : List.of("InternalIP", "Hostname")) {
            for (JsonNode address : addresses) {
                String value = address.path("address").asString("");
                if (type.equals(address.path("type").asString("")) && !value.isEmpty()) {
                    return value;
                }
            }
        }
        return null;
    }

    private static String segment(String text) {
        return UriUtils.encodePathSegment(text, StandardCharsets.UTF_8);
    }

    private static StatusException unreachable(String nodeName, String podName, String why) {
        return StatusException.serviceUnavailable("cannot reach the node agent of node \"" + nodeName
                + "\" that runs pod " + podName + ": " + why);
    }
}
