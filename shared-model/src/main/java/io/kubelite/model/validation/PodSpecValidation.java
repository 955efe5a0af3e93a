package io.kubelite.model.validation;

import io.kubelite.model.Status;
import io.kubelite.model.quantity.Quantity;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Kubernetes' pod spec checks, for a pod's {@code spec} and a workload's {@code spec.template.spec}. */
final class PodSpecValidation {

    private static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
    private static final List<String> DNS_POLICIES =
            List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
    private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final List<String> MESSAGE_POLICIES = List.of("File", "FallbackToLogsOnError");
    private static final List<String> TOLERATION_OPERATORS = List.of("Equal", "Exists");
    static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    private static final List<String> STANDARD_CONTAINER_RESOURCES = List.of("cpu", "memory", "ephemeral-storage");
    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
    private static final List<String> PROBE_HANDLERS = List.of("exec", "httpGet", "tcpSocket", "grpc");
    private static final List<String> PROBE_NUMBERS =
            List.of("initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold");

    private PodSpecValidation() { }

    /** Validates the spec found at {@code path} ({@code spec} or {@code spec.template.spec}). */
    static void validate(ObjectNode spec, String path, Problems problems) {
        Set<String> containerNames = new HashSet<>();
        List<ObjectNode> initContainers = problems.objects(spec, "initContainers", path + ".initContainers");
        for (int i = 0; i < initContainers.size(); i++) {
            container(initContainers.get(i), path + ".initContainers[" + i + "]", containerNames, problems);
        }
        List<ObjectNode> containers = problems.objects(spec, "containers", path + ".containers");
        if (containers.isEmpty()) {
            problems.required(path + ".containers", null);
        }
        for (int i = 0; i < containers.size(); i++) {
            container(containers.get(i), path + ".containers[" + i + "]", containerNames, problems);
        }
        oneOf(spec, "restartPolicy", path, RESTART_POLICIES, true, problems);
        oneOf(spec, "dnsPolicy", path, DNS_POLICIES, false, problems);
        problems.nonNegative(spec, "terminationGracePeriodSeconds", path + ".terminationGracePeriodSeconds");
        Long deadline = problems.integer(spec, "activeDeadlineSeconds", path + ".activeDeadlineSeconds");
        if (deadline != null && (deadline < 1 || deadline > Integer.MAX_VALUE)) {
            problems.invalid(path + ".activeDeadlineSeconds", deadline, "must be between 1 and 2147483647, inclusive");
        }
        MetadataValidation.labels(problems.stringMap(spec, "nodeSelector", path + ".nodeSelector"),
                path + ".nodeSelector", problems);
        String nodeName = problems.string(spec, "nodeName", path + ".nodeName");
        if (nodeName != null && !nodeName.isEmpty()) {
            problems.invalidEach(path + ".nodeName", nodeName, Names.dns1123Subdomain(nodeName));
        }
        String hostname = problems.string(spec, "hostname", path + ".hostname");
        if (hostname != null && !hostname.isEmpty()) {
            problems.invalidEach(path + ".hostname", hostname, Names.dns1123Label(hostname));
        }
        String schedulerName = problems.string(spec, "schedulerName", path + ".schedulerName");
        if (schedulerName != null && !schedulerName.isEmpty()) {
            problems.invalidEach(path + ".schedulerName", schedulerName, Names.dns1123Subdomain(schedulerName));
        }
        problems.integer(spec, "priority", path + ".priority");
        List<ObjectNode> tolerations = problems.objects(spec, "tolerations", path + ".tolerations");
        for (int i = 0; i < tolerations.size(); i++) {
            if (tolerations.get(i) != null) {
                toleration(tolerations.get(i), path + ".tolerations[" + i + "]", problems);
            }
        }
    }

    private static void container(ObjectNode container, String path, Set<String> names, Problems problems) {
        if (container == null) {
            return;
        }
        String name = problems.string(container, "name", path + ".name");
        if (name == null || name.isEmpty()) {
            problems.required(path + ".name", null);
        } else {
            problems.invalidEach(path + ".name", name, Names.dns1123Label(name));
            if (!names.add(name)) {
                problems.add(Status.Cause.duplicate(path + ".name", name));
            }
        }
        String image = problems.string(container, "image", path + ".image");
        if (image == null || image.isEmpty()) {
            problems.required(path + ".image", null);
        } else if (!image.equals(image.strip())) {
            problems.invalid(path + ".image", image, "must not have leading or trailing whitespace");
        }
        oneOf(container, "imagePullPolicy", path, PULL_POLICIES, false, problems);
        oneOf(container, "terminationMessagePolicy", path, MESSAGE_POLICIES, false, problems);
        stringList(container, "command", path, problems);
        stringList(container, "args", path, problems);
        problems.string(container, "workingDir", path + ".workingDir");
        ports(container, path, problems);
        env(container, path, problems);
        resources(container, path, problems);
        for (String probe : PROBES) {
            ObjectNode probeNode = problems.object(container, probe, path + "." + probe);
            if (probeNode != null) {
                probe(probeNode, path + "." + probe, problems);
            }
        }
    }

    private static void ports(ObjectNode container, String path, Problems problems) {
        Set<String> portNames = new HashSet<>();
        List<ObjectNode> ports = problems.objects(container, "ports", path + ".ports");
        for (int i = 0; i < ports.size(); i++) {
            ObjectNode port = ports.get(i);
            if (port == null) {
                continue;
            }
            String portPath = path + ".ports[" + i + "]";
            String name = problems.string(port, "name", portPath + ".name");
            if (name != null && !name.isEmpty()) {
                problems.invalidEach(portPath + ".name", name, Names.portName(name));
                if (!portNames.add(name)) {
                    problems.add(Status.Cause.duplicate(portPath + ".name", name));
                }
            }
            Long containerPort = problems.integer(port, "containerPort", portPath + ".containerPort");
            if (containerPort == null) {
                problems.required(portPath + ".containerPort", null);
            } else if (containerPort < 1 || containerPort > 65535) {
                problems.invalid(portPath + ".containerPort", containerPort, "must be between 1 and 65535, inclusive");
            }
            Long hostPort = problems.integer(port, "hostPort", portPath + ".hostPort");
            if (hostPort != null && hostPort != 0 && (hostPort < 1 || hostPort > 65535)) {
                problems.invalid(portPath + ".hostPort", hostPort, "must be between 1 and 65535, inclusive");
            }
            oneOf(port, "protocol", portPath, PROTOCOLS, true, problems);
        }
    }

    private static void env(ObjectNode container, String path, Problems problems) {
        List<ObjectNode> env = problems.objects(container, "env", path + ".env");
        for (int i = 0; i < env.size(); i++) {
            ObjectNode variable = env.get(i);
            if (variable == null) {
                continue;
            }
            String envPath = path + ".env[" + i + "]";
            String name = problems.string(variable, "name", envPath + ".name");
            if (name == null || name.isEmpty()) {
                problems.required(envPath + ".name", null);
            } else {
                problems.invalidEach(envPath + ".name", name, Names.envVarName(name));
            }
            problems.string(variable, "value", envPath + ".value");
        }
    }

    private static void resources(ObjectNode container, String path, Problems problems) {
        String resourcesPath = path + ".resources";
        ObjectNode resources = problems.object(container, "resources", resourcesPath);
        if (resources == null) {
            return;
        }
        Map<String, Quantity> limits = problems.quantities(resources, "limits", resourcesPath + ".limits");
        Map<String, Quantity> requests = problems.quantities(resources, "requests", resourcesPath + ".requests");
        limits.keySet().forEach(name -> resourceName(name, resourcesPath + ".limits[" + name + "]", problems));
        requests.forEach((name, request) -> {
            String requestPath = resourcesPath + ".requests[" + name + "]";
            resourceName(name, requestPath, problems);
            Quantity limit = limits.get(name);
            if (limit != null && request.compareTo(limit) > 0) {
                problems.invalid(requestPath, request.toString(),
                        "must be less than or equal to " + name + " limit of " + limit);
            }
        });
    }

    private static void resourceName(String name, String path, Problems problems) {
        if (STANDARD_CONTAINER_RESOURCES.contains(name) || name.startsWith("hugepages-")) {
            return;
        }
        if (!name.contains("/") || !Names.qualifiedName(name).isEmpty()) {
            problems.invalid(path, name, "must be a standard resource for containers");
        }
    }

    private static void probe(ObjectNode probe, String path, Problems problems) {
        long handlers = PROBE_HANDLERS.stream().filter(h -> Problems.present(probe, h) != null).count();
        if (handlers == 0) {
            problems.required(path, "must specify a handler type");
        } else if (handlers > 1) {
            problems.forbidden(path, "may not specify more than 1 handler type");
        }
        for (String number : PROBE_NUMBERS) {
            problems.nonNegative(probe, number, path + "." + number);
        }
        ObjectNode httpGet = problems.object(probe, "httpGet", path + ".httpGet");
        if (httpGet != null && Problems.present(httpGet, "port") == null) {
            problems.required(path + ".httpGet.port", null);
        }
        ObjectNode tcpSocket = problems.object(probe, "tcpSocket", path + ".tcpSocket");
        if (tcpSocket != null && Problems.present(tcpSocket, "port") == null) {
            problems.required(path + ".tcpSocket.port", null);
        }
        ObjectNode exec = problems.object(probe, "exec", path + ".exec");
        if (exec != null && problems.array(exec, "command", path + ".exec.command").isEmpty()) {
            problems.required(path + ".exec.command", null);
        }
    }

    private static void toleration(ObjectNode toleration, String path, Problems problems) {
        String key = problems.string(toleration, "key", path + ".key");
        String operator = problems.string(toleration, "operator", path + ".operator");
        String value = problems.string(toleration, "value", path + ".value");
        String effect = problems.string(toleration, "effect", path + ".effect");
        if (key != null && !key.isEmpty()) {
            problems.invalidEach(path + ".key", key, Names.qualifiedName(key));
        } else if (!"Exists".equals(operator)) {
            problems.invalid(path + ".operator", operator == null ? "" : operator,
                    "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
        }
        if (operator != null && !operator.isEmpty()) {
            if (!TOLERATION_OPERATORS.contains(operator)) {
                problems.notSupported(path + ".operator", operator, TOLERATION_OPERATORS);
            } else if (operator.equals("Exists") && value != null && !value.isEmpty()) {
                problems.invalid(path + ".operator", value, "value must be empty when `operator` is 'Exists'");
            }
        }
        if (value != null && !value.isEmpty() && !"Exists".equals(operator)) {
            problems.invalidEach(path + ".value", value, Names.labelValue(value));
        }
        if (effect != null && !effect.isEmpty() && !TAINT_EFFECTS.contains(effect)) {
            problems.notSupported(path + ".effect", effect, TAINT_EFFECTS);
        }
        Long seconds = problems.integer(toleration, "tolerationSeconds", path + ".tolerationSeconds");
        if (seconds != null && !"NoExecute".equals(effect)) {
            problems.invalid(path + ".effect", effect == null ? "" : effect,
                    "effect must be 'NoExecute' when `tolerationSeconds` is set");
        }
    }

    private static void stringList(ObjectNode parent, String name, String path, Problems problems) {
        List<JsonNode> items = problems.array(parent, name, path + "." + name);
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isString()) {
                problems.invalid(path + "." + name + "[" + i + "]", items.get(i).toString(), "must be a string");
            }
        }
    }

    /** A field whose value must be one of a few; {@code required} when defaulting always sets it. */
    static void oneOf(ObjectNode parent, String name, String path, List<String> supported, boolean required,
                      Problems problems) {
        String value = problems.string(parent, name, path + "." + name);
        if (value == null || value.isEmpty()) {
            if (required) {
                problems.required(path + "." + name, null);
            }
        } else if (!supported.contains(value)) {
            problems.notSupported(path + "." + name, value, supported);
        }
    }
}
