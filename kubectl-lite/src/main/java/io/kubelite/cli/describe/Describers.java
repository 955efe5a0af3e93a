package io.kubelite.cli.describe;

import static io.kubelite.cli.print.Fields.number;
import static io.kubelite.cli.print.Fields.text;

import io.kubelite.cli.print.Age;
import io.kubelite.cli.print.EventOrder;
import io.kubelite.cli.print.Fields;
import io.kubelite.cli.print.NodeTable;
import io.kubelite.cli.print.PodTable;
import io.kubelite.model.ResourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The describe page of every kind, registered in one place. */
final class Describers {

    /** Writes one kind's fields onto the page. */
    interface Describer {
        void describe(JsonNode object, Description page, Instant now);
    }

    private static final Map<ResourceKind, Describer> DESCRIBERS = Map.of(
            ResourceKind.POD, Describers::pod,
            ResourceKind.NODE, Describers::node,
            ResourceKind.DEPLOYMENT, Describers::deployment,
            ResourceKind.REPLICASET, Describers::replicaSet,
            ResourceKind.NAMESPACE, Describers::namespace,
            ResourceKind.EVENT, Describers::event);

    private Describers() { }

    static Describer of(ResourceKind kind) {
        return DESCRIBERS.get(kind);
    }

    private static void metadata(JsonNode object, Description page, boolean namespaced) {
        page.field("Name", Fields.name(object));
        if (namespaced) {
            page.field("Namespace", Fields.namespace(object));
        }
        page.map("Labels", object.path("metadata").path("labels"));
        page.map("Annotations", object.path("metadata").path("annotations"));
    }

    private static String controlledBy(JsonNode object) {
        for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) {
                return text(owner, "kind") + "/" + text(owner, "name");
            }
        }
        return "";
    }

    private static void pod(JsonNode pod, Description page, Instant now) {
        page.field("Name", Fields.name(pod)).field("Namespace", Fields.namespace(pod));
        String node = text(pod, "spec", "nodeName");
        String hostIp = text(pod, "status", "hostIP");
        page.field("Node", node.isEmpty() ? "" : hostIp.isEmpty() ? node : node + "/" + hostIp);
        page.field("Start Time", text(pod, "status", "startTime"));
        page.map("Labels", pod.path("metadata").path("labels"));
        page.map("Annotations", pod.path("metadata").path("annotations"));
        page.field("Status", PodTable.status(pod));
        page.field("IP", text(pod, "status", "podIP"));
        page.field("Controlled By", controlledBy(pod));
        page.section("Containers");
        for (JsonNode container : pod.path("spec").path("containers")) {
            String name = text(container, "name");
            JsonNode status = containerStatus(pod, name);
            page.section(name);
            page.field("Container ID", text(status, "containerID"));
            page.field("Image", text(container, "image"));
            if (container.has("command")) {
                page.list("Command", strings(container.path("command")));
            }
            if (container.has("args")) {
                page.list("Args", strings(container.path("args")));
            }
            state(page, "State", status.path("state"));
            if (status.path("lastState").size() > 0) {
                state(page, "Last State", status.path("lastState"));
            }
            page.field("Ready", status.isMissingNode() ? "False" : capitalized(status.path("ready").asBoolean(false)));
            page.field("Restart Count", Long.toString(number(status, "restartCount")));
            resources(page, "Limits", container.path("resources").path("limits"));
            resources(page, "Requests", container.path("resources").path("requests"));
            page.end();
        }
        page.end();
        List<List<String>> conditions = new ArrayList<>();
        pod.path("status").path("conditions").forEach(c -> conditions.add(List.of(text(c, "type"), text(c, "status"))));
        page.table("Conditions", List.of("Type", "Status"), conditions);
        page.map("Node-Selectors", pod.path("spec").path("nodeSelector"));
        List<String> tolerations = new ArrayList<>();
        for (JsonNode toleration : pod.path("spec").path("tolerations")) {
            String key = text(toleration, "key");
            String value = text(toleration, "value");
            String effect = text(toleration, "effect");
            String seconds = text(toleration, "tolerationSeconds");
            tolerations.add((key.isEmpty() ? "op=" + text(toleration, "operator") : key)
                    + (value.isEmpty() ? "" : "=" + value) + (effect.isEmpty() ? "" : ":" + effect)
                    + (seconds.isEmpty() ? "" : " for " + seconds + "s"));
        }
        page.list("Tolerations", tolerations);
    }

    private static JsonNode containerStatus(JsonNode pod, String name) {
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            if (name.equals(text(status, "name"))) {
                return status;
            }
        }
        return pod.path("status").path("no-such-container");
    }

    private static void state(Description page, String label, JsonNode state) {
        if (state.has("running")) {
            page.field(label, "Running");
            page.section("");
            page.field("Started", text(state, "running", "startedAt"));
            page.end();
        } else if (state.has("terminated")) {
            JsonNode terminated = state.path("terminated");
            page.field(label, "Terminated");
            page.section("");
            page.field("Reason", text(terminated, "reason"));
            page.field("Exit Code", Long.toString(number(terminated, "exitCode")));
            page.field("Started", text(terminated, "startedAt"));
            page.field("Finished", text(terminated, "finishedAt"));
            page.end();
        } else if (state.has("waiting")) {
            page.field(label, "Waiting");
            page.section("");
            page.field("Reason", text(state, "waiting", "reason"));
            page.end();
        } else {
            page.field(label, "");
        }
    }

    private static void resources(Description page, String label, JsonNode quantities) {
        if (quantities.isEmpty()) {
            return;
        }
        page.section(label);
        quantities.properties().forEach(e -> page.field(e.getKey(), e.getValue().asString("")));
        page.end();
    }

    private static void node(JsonNode node, Description page, Instant now) {
        metadata(node, page, false);
        page.field("CreationTimestamp", text(node, "metadata", "creationTimestamp"));
        List<String> taints = new ArrayList<>();
        for (JsonNode taint : node.path("spec").path("taints")) {
            String value = text(taint, "value");
            taints.add(text(taint, "key") + (value.isEmpty() ? "" : "=" + value) + ":" + text(taint, "effect"));
        }
        page.list("Taints", taints);
        page.field("Unschedulable", Boolean.toString(node.path("spec").path("unschedulable").asBoolean(false)));
        page.field("Status", NodeTable.status(node));
        List<List<String>> conditions = new ArrayList<>();
        for (JsonNode c : node.path("status").path("conditions")) {
            conditions.add(List.of(text(c, "type"), text(c, "status"), text(c, "lastHeartbeatTime"),
                    text(c, "lastTransitionTime"), text(c, "reason"), text(c, "message")));
        }
        page.table("Conditions", List.of("Type", "Status", "LastHeartbeatTime", "LastTransitionTime", "Reason",
                "Message"), conditions);
        page.section("Addresses");
        node.path("status").path("addresses").forEach(a -> page.field(text(a, "type"), text(a, "address")));
        page.end();
        page.section("Capacity");
        node.path("status").path("capacity").properties().forEach(e -> page.field(e.getKey(), e.getValue().asString("")));
        page.end();
        page.section("Allocatable");
        node.path("status").path("allocatable").properties()
                .forEach(e -> page.field(e.getKey(), e.getValue().asString("")));
        page.end();
        page.section("System Info");
        page.field("Kubelet Version", text(node, "status", "nodeInfo", "kubeletVersion"));
        page.field("Container Runtime Version", text(node, "status", "nodeInfo", "containerRuntimeVersion"));
        page.end();
    }

    private static void deployment(JsonNode deployment, Description page, Instant now) {
        metadata(deployment, page, true);
        page.field("CreationTimestamp", text(deployment, "metadata", "creationTimestamp"));
        JsonNode spec = deployment.path("spec");
        JsonNode status = deployment.path("status");
        page.field("Selector", Fields.selector(spec.path("selector")));
        page.field("Replicas", number(spec, "replicas") + " desired | " + number(status, "updatedReplicas")
                + " updated | " + number(status, "replicas") + " total | " + number(status, "availableReplicas")
                + " available | " + number(status, "unavailableReplicas") + " unavailable");
        page.field("StrategyType", Fields.textOr(spec, "RollingUpdate", "strategy", "type"));
        page.field("MinReadySeconds", Long.toString(number(spec, "minReadySeconds")));
        JsonNode rolling = spec.path("strategy").path("rollingUpdate");
        if (!rolling.isMissingNode()) {
            page.field("RollingUpdateStrategy", Fields.textOr(rolling, "25%", "maxUnavailable") + " max unavailable, "
                    + Fields.textOr(rolling, "25%", "maxSurge") + " max surge");
        }
        template(page, spec.path("template"));
        List<List<String>> conditions = new ArrayList<>();
        status.path("conditions").forEach(c -> conditions.add(List.of(text(c, "type"), text(c, "status"),
                text(c, "reason"))));
        page.table("Conditions", List.of("Type", "Status", "Reason"), conditions);
    }

    private static void replicaSet(JsonNode replicaSet, Description page, Instant now) {
        metadata(replicaSet, page, true);
        JsonNode spec = replicaSet.path("spec");
        page.field("Selector", Fields.selector(spec.path("selector")));
        page.field("Controlled By", controlledBy(replicaSet));
        page.field("Replicas", number(replicaSet, "status", "replicas") + " current / " + number(spec, "replicas")
                + " desired");
        page.field("Ready Replicas", Long.toString(number(replicaSet, "status", "readyReplicas")));
        template(page, spec.path("template"));
    }

    private static void template(Description page, JsonNode template) {
        page.section("Pod Template");
        page.map("Labels", template.path("metadata").path("labels"));
        page.section("Containers");
        for (JsonNode container : template.path("spec").path("containers")) {
            page.section(text(container, "name"));
            page.field("Image", text(container, "image"));
            if (container.has("command")) {
                page.list("Command", strings(container.path("command")));
            }
            resources(page, "Limits", container.path("resources").path("limits"));
            resources(page, "Requests", container.path("resources").path("requests"));
            page.end();
        }
        page.end();
        page.end();
    }

    private static void namespace(JsonNode namespace, Description page, Instant now) {
        metadata(namespace, page, false);
        page.field("Status", Fields.textOr(namespace, "Active", "status", "phase"));
    }

    private static void event(JsonNode event, Description page, Instant now) {
        metadata(event, page, true);
        page.field("Type", text(event, "type"));
        page.field("Reason", text(event, "reason"));
        page.field("Object", EventOrder.object(event));
        page.field("Source", text(event, "source", "component"));
        page.field("Count", Long.toString(Math.max(1, number(event, "count"))));
        page.field("Last Seen", Age.since(EventOrder.lastSeen(event), now) + " ago");
        page.field("Message", text(event, "message").strip());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString("")));
        return values;
    }

    private static String capitalized(boolean value) {
        return value ? "True" : "False";
    }
}
