package io.kubelite.model.validation;

import io.kubelite.model.quantity.Quantity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The defaults Kubernetes fills in, applied to the JSON form; a field already set is never changed. */
final class Defaults {

    private static final List<String> QOS_RESOURCES = List.of("cpu", "memory");

    private Defaults() { }

    static void namespace(ObjectNode namespace) {
        ObjectNode metadata = child(namespace, "metadata");
        JsonNode name = metadata.get("name");
        if (name != null && name.isString() && !name.stringValue().isEmpty()) {
            // Kubernetes labels every namespace with its own name so selectors can pick namespaces.
            child(metadata, "labels").put("kubernetes.io/metadata.name", name.stringValue());
        }
        putIfAbsent(child(namespace, "status"), "phase", "Active");
    }

    static void pod(ObjectNode pod) {
        ObjectNode spec = child(pod, "spec");
        podSpec(spec);
        ObjectNode status = child(pod, "status");
        putIfAbsent(status, "phase", "Pending");
        if (absent(status, "qosClass")) {
            status.put("qosClass", qosClass(spec));
        }
    }

    static void deployment(ObjectNode deployment) {
        ObjectNode spec = child(deployment, "spec");
        putIfAbsent(spec, "replicas", 1);
        ObjectNode strategy = child(spec, "strategy");
        putIfAbsent(strategy, "type", "RollingUpdate");
        JsonNode type = strategy.get("type");
        if (type.isString() && type.stringValue().equals("RollingUpdate")) {
            ObjectNode rollingUpdate = child(strategy, "rollingUpdate");
            putIfAbsent(rollingUpdate, "maxUnavailable", "25%");
            putIfAbsent(rollingUpdate, "maxSurge", "25%");
        }
        putIfAbsent(spec, "revisionHistoryLimit", 10);
        putIfAbsent(spec, "progressDeadlineSeconds", 600);
        podTemplate(spec);
    }

    static void replicaSet(ObjectNode replicaSet) {
        ObjectNode spec = child(replicaSet, "spec");
        putIfAbsent(spec, "replicas", 1);
        podTemplate(spec);
    }

    private static void podTemplate(ObjectNode workloadSpec) {
        podSpec(child(child(workloadSpec, "template"), "spec"));
    }

    static void node(ObjectNode node) {
        if (node.get("status") instanceof ObjectNode status) {
            canonicalQuantities(status.get("capacity"));
            canonicalQuantities(status.get("allocatable"));
        }
    }

    static void podSpec(ObjectNode spec) {
        putIfAbsent(spec, "restartPolicy", "Always");
        putIfAbsent(spec, "terminationGracePeriodSeconds", 30);
        putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
        putIfAbsent(spec, "schedulerName", "default-scheduler");
        for (String list : List.of("initContainers", "containers")) {
            JsonNode containers = spec.get(list);
            if (containers != null && containers.isArray()) {
                containers.values().forEach(c -> {
                    if (c instanceof ObjectNode container) {
                        container(container);
                    }
                });
            }
        }
    }

    private static void container(ObjectNode container) {
        JsonNode image = container.get("image");
        if (image != null && image.isString()) {
            putIfAbsent(container, "imagePullPolicy", pullPolicy(image.stringValue()));
        }
        putIfAbsent(container, "terminationMessagePath", "/dev/termination-log");
        putIfAbsent(container, "terminationMessagePolicy", "File");
        JsonNode ports = container.get("ports");
        if (ports != null && ports.isArray()) {
            ports.values().forEach(p -> {
                if (p instanceof ObjectNode port) {
                    putIfAbsent(port, "protocol", "TCP");
                }
            });
        }
        resources(child(container, "resources"));
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            if (container.get(probe) instanceof ObjectNode probeNode) {
                putIfAbsent(probeNode, "timeoutSeconds", 1);
                putIfAbsent(probeNode, "periodSeconds", 10);
                putIfAbsent(probeNode, "successThreshold", 1);
                putIfAbsent(probeNode, "failureThreshold", 3);
            }
        }
    }

    /** Quantities are stored canonical; a resource with a limit but no request is requested at its limit. */
    private static void resources(ObjectNode resources) {
        canonicalQuantities(resources.get("requests"));
        canonicalQuantities(resources.get("limits"));
        if (!(resources.get("limits") instanceof ObjectNode limits) || limits.isEmpty()) {
            return;
        }
        ObjectNode requests = child(resources, "requests");
        for (Map.Entry<String, JsonNode> limit : limits.properties()) {
            if (absent(requests, limit.getKey())) {
                requests.set(limit.getKey(), limit.getValue().deepCopy());
            }
        }
    }

    /**
     * Rewrites each valid quantity of a resource list in canonical form ({@code 0.5} becomes {@code "500m"}),
     * as Kubernetes returns what it stored; invalid ones are left for validation to report.
     */
    static void canonicalQuantities(JsonNode resourceList) {
        if (!(resourceList instanceof ObjectNode list)) {
            return;
        }
        for (String name : List.copyOf(list.propertyNames())) {
            JsonNode value = list.get(name);
            String text = value.isString() ? value.stringValue().strip() : value.isNumber() ? value.toString() : null;
            if (text != null && Quantity.isValid(text)) {
                list.put(name, Quantity.parse(text).toString());
            }
        }
    }

    /** {@code Always} for an image without a tag or tagged {@code latest}, else {@code IfNotPresent}. */
    static String pullPolicy(String image) {
        if (image.contains("@")) {
            return "IfNotPresent";
        }
        int lastSlash = image.lastIndexOf('/');
        int colon = image.indexOf(':', lastSlash + 1);
        String tag = colon < 0 ? "" : image.substring(colon + 1);
        return tag.isEmpty() || tag.equals("latest") ? "Always" : "IfNotPresent";
    }

    /**
     * Kubernetes' QoS class: BestEffort without any cpu/memory request or limit; Guaranteed when every
     * container limits both cpu and memory and the summed requests equal the summed limits; else Burstable.
     */
    static String qosClass(ObjectNode spec) {
        Map<String, Quantity> requests = new HashMap<>();
        Map<String, Quantity> limits = new HashMap<>();
        boolean guaranteed = true;
        for (String list : List.of("initContainers", "containers")) {
            JsonNode containers = spec.get(list);
            if (containers == null || !containers.isArray()) {
                continue;
            }
            for (JsonNode container : containers.values()) {
                JsonNode resources = container.path("resources");
                sumNonZero(resources.path("requests"), requests);
                Map<String, Quantity> containerLimits = new HashMap<>();
                sumNonZero(resources.path("limits"), containerLimits);
                containerLimits.forEach((name, q) -> limits.merge(name, q, Quantity::add));
                if (!containerLimits.keySet().containsAll(QOS_RESOURCES)) {
                    guaranteed = false;
                }
            }
        }
        if (requests.isEmpty() && limits.isEmpty()) {
            return "BestEffort";
        }
        return guaranteed && requests.equals(limits) ? "Guaranteed" : "Burstable";
    }

    private static void sumNonZero(JsonNode resourceList, Map<String, Quantity> sums) {
        for (String name : QOS_RESOURCES) {
            JsonNode value = resourceList.get(name);
            if (value == null || !(value.isString() || value.isNumber())) {
                continue;
            }
            String text = value.isString() ? value.stringValue() : value.toString();
            if (Quantity.isValid(text)) {
                Quantity quantity = Quantity.parse(text);
                if (!quantity.isZero()) {
                    sums.merge(name, quantity, Quantity::add);
                }
            }
        }
    }

    /** The child object, created when absent (or null). */
    static ObjectNode child(ObjectNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node instanceof ObjectNode object) {
            return object;
        }
        if (node == null || node.isNull()) {
            return parent.putObject(name);
        }
        // A child of the wrong type is left for validation to report; defaults go to a detached node.
        return parent.objectNode();
    }

    private static boolean absent(ObjectNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull();
    }

    private static void putIfAbsent(ObjectNode node, String name, String value) {
        if (absent(node, name)) {
            node.put(name, value);
        }
    }

    private static void putIfAbsent(ObjectNode node, String name, int value) {
        if (absent(node, name)) {
            node.put(name, value);
        }
    }
}
