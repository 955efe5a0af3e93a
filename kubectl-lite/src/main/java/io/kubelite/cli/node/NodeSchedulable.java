package io.kubelite.cli.node;

import io.kubelite.cli.api.ApiClient;
import io.kubelite.model.ResourceKind;
import java.io.PrintWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Marks a node (un)schedulable through {@code spec.unschedulable}, saying so as kubectl does. */
final class NodeSchedulable {

    private NodeSchedulable() { }

    /** Cordons ({@code true}) or uncordons a node; prints {@code node/x cordoned} or {@code already cordoned}. */
    static void set(ApiClient client, String node, boolean cordon, PrintWriter out) {
        JsonNode current = client.get(ResourceKind.NODE, null, node);
        String done = cordon ? "cordoned" : "uncordoned";
        if (current.path("spec").path("unschedulable").asBoolean(false) == cordon) {
            out.println("node/" + node + " already " + done);
            return;
        }
        ObjectNode spec = ApiClient.JSON.createObjectNode();
        if (cordon) {
            spec.put("unschedulable", true);
        } else {
            spec.putNull("unschedulable");
        }
        client.patch(ResourceKind.NODE, null, node, ApiClient.JSON.createObjectNode().set("spec", spec));
        out.println("node/" + node + " " + done);
    }
}
