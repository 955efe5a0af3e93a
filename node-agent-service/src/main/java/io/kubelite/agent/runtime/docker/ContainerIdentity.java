package io.kubelite.agent.runtime.docker;

import io.kubelite.agent.runtime.PodRef;
import java.util.Map;
import java.util.Optional;

/**
 * Which cluster, pod container and run of it a Docker container is. Written as labels on the container
 * so that {@code containers(nodes)} finds every container of this agent's nodes, and a restarted agent
 * adopts them, without keeping any state of its own. The cluster's uid keeps apart the containers of two
 * clusters on one engine, whose nodes and pods may have the same names.
 */
record ContainerIdentity(String cluster, PodRef pod, String containerName, int attempt) {

    static final String CLUSTER = "io.kubelite.cluster";
    static final String NODE = "io.kubelite.node";
    static final String POD_NAMESPACE = "io.kubelite.pod.namespace";
    static final String POD_NAME = "io.kubelite.pod.name";
    static final String POD_UID = "io.kubelite.pod.uid";
    static final String CONTAINER_NAME = "io.kubelite.container.name";
    static final String ATTEMPT = "io.kubelite.container.attempt";

    Map<String, String> labels() {
        return Map.of(CLUSTER, cluster,
                NODE, pod.nodeName(),
                POD_NAMESPACE, pod.namespace(),
                POD_NAME, pod.name(),
                POD_UID, pod.uid(),
                CONTAINER_NAME, containerName,
                ATTEMPT, Integer.toString(attempt));
    }

    /**
     * The Docker container name, unique per run:
     * {@code kubelite_<node>_<namespace>_<pod>_<container>_<attempt>_<first 8 characters of the cluster uid>}.
     */
    String dockerName() {
        return String.join("_", "kubelite", pod.nodeName(), pod.namespace(), pod.name(), containerName,
                Integer.toString(attempt), cluster.substring(0, Math.min(8, cluster.length())));
    }

    /** The identity these labels carry; empty when one is missing or the attempt is not a number. */
    static Optional<ContainerIdentity> fromLabels(Map<String, String> labels) {
        if (labels == null) {
            return Optional.empty();
        }
        String cluster = labels.get(CLUSTER);
        String node = labels.get(NODE);
        String namespace = labels.get(POD_NAMESPACE);
        String name = labels.get(POD_NAME);
        String uid = labels.get(POD_UID);
        String container = labels.get(CONTAINER_NAME);
        String attempt = labels.get(ATTEMPT);
        if (cluster == null || node == null || namespace == null || name == null || uid == null || container == null
                || attempt == null || !attempt.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(new ContainerIdentity(cluster, new PodRef(node, namespace, name, uid), container,
                Integer.parseInt(attempt)));
    }
}
