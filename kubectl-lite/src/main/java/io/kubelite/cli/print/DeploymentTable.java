package io.kubelite.cli.print;

import static io.kubelite.cli.print.Fields.number;
import static io.kubelite.cli.print.Fields.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** NAME READY UP-TO-DATE AVAILABLE AGE (+ CONTAINERS IMAGES SELECTOR). */
final class DeploymentTable implements ResourceTable {

    @Override
    public List<String> headers(boolean wide) {
        List<String> headers = new ArrayList<>(List.of("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"));
        if (wide) {
            headers.addAll(List.of("CONTAINERS", "IMAGES", "SELECTOR"));
        }
        return headers;
    }

    @Override
    public List<String> row(JsonNode deployment, boolean wide, Instant now) {
        JsonNode status = deployment.path("status");
        List<String> row = new ArrayList<>(List.of(Fields.name(deployment),
                number(status, "readyReplicas") + "/" + number(deployment, "spec", "replicas"),
                Long.toString(number(status, "updatedReplicas")), Long.toString(number(status, "availableReplicas")),
                Age.since(text(deployment, "metadata", "creationTimestamp"), now)));
        if (wide) {
            JsonNode spec = deployment.path("spec");
            row.addAll(Fields.containersAndImages(spec.path("template").path("spec")));
            row.add(Fields.selector(spec.path("selector")));
        }
        return row;
    }
}
