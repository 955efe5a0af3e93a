package io.kubelite.cli.print;

import static io.kubelite.cli.print.Fields.number;
import static io.kubelite.cli.print.Fields.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** NAME DESIRED CURRENT READY AGE (+ CONTAINERS IMAGES SELECTOR). */
final class ReplicaSetTable implements ResourceTable {

    @Override
    public List<String> headers(boolean wide) {
        List<String> headers = new ArrayList<>(List.of("NAME", "DESIRED", "CURRENT", "READY", "AGE"));
        if (wide) {
            headers.addAll(List.of("CONTAINERS", "IMAGES", "SELECTOR"));
        }
        return headers;
    }

    @Override
    public List<String> row(JsonNode replicaSet, boolean wide, Instant now) {
        List<String> row = new ArrayList<>(List.of(Fields.name(replicaSet),
                Long.toString(number(replicaSet, "spec", "replicas")),
                Long.toString(number(replicaSet, "status", "replicas")),
                Long.toString(number(replicaSet, "status", "readyReplicas")),
                Age.since(text(replicaSet, "metadata", "creationTimestamp"), now)));
        if (wide) {
            JsonNode spec = replicaSet.path("spec");
            row.addAll(Fields.containersAndImages(spec.path("template").path("spec")));
            row.add(Fields.selector(spec.path("selector")));
        }
        return row;
    }
}
