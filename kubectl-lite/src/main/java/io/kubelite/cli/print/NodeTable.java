package io.kubelite.cli.print;

import static io.kubelite.cli.print.Fields.NONE;
import static io.kubelite.cli.print.Fields.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** NAME STATUS ROLES AGE VERSION (+ INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME). */
public final class NodeTable implements ResourceTable {

    private static final String ROLE_LABEL = "node-role.kubernetes.io/";

    @Override
    public List<String> headers(boolean wide) {
        List<String> headers = new ArrayList<>(List.of("NAME", "STATUS", "ROLES", "AGE", "VERSION"));
        if (wide) {
            headers.addAll(List.of("INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"));
        }
        return headers;
    }

    @Override
    public List<String> row(JsonNode node, boolean wide, Instant now) {
        List<String> row = new ArrayList<>(List.of(Fields.name(node), status(node), roles(node),
                Age.since(text(node, "metadata", "creationTimestamp"), now),
                text(node, "status", "nodeInfo", "kubeletVersion")));
        if (wide) {
            JsonNode info = node.path("status").path("nodeInfo");
            row.addAll(List.of(address(node, "InternalIP"), address(node, "ExternalIP"),
                    Fields.textOr(info, "<unknown>", "osImage"), Fields.textOr(info, "<unknown>", "kernelVersion"),
                    Fields.textOr(info, "<unknown>", "containerRuntimeVersion")));
        }
        return row;
    }

    /** {@code Ready}, {@code NotReady} or {@code Unknown}, with {@code ,SchedulingDisabled} when cordoned. */
    public static String status(JsonNode node) {
        String ready = text(Fields.condition(node, "Ready"), "status");
        String status = switch (ready) {
            case "True" -> "Ready";
            case "False" -> "NotReady";
            default -> "Unknown";
        };
        return node.path("spec").path("unschedulable").asBoolean(false) ? status + ",SchedulingDisabled" : status;
    }

    private static String roles(JsonNode node) {
        List<String> roles = new ArrayList<>();
        for (Map.Entry<String, JsonNode> label : node.path("metadata").path("labels").properties()) {
            if (label.getKey().startsWith(ROLE_LABEL)) {
                roles.add(label.getKey().substring(ROLE_LABEL.length()));
            }
        }
        return roles.isEmpty() ? NONE : String.join(",", roles);
    }

    private static String address(JsonNode node, String type) {
        for (JsonNode address : node.path("status").path("addresses")) {
            if (type.equals(text(address, "type"))) {
                return text(address, "address");
            }
        }
        return NONE;
    }
}
