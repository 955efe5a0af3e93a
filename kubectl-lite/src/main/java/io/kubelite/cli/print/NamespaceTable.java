package io.kubelite.cli.print;

import static io.kubelite.cli.print.Fields.text;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** NAME STATUS AGE. */
final class NamespaceTable implements ResourceTable {

    @Override
    public List<String> headers(boolean wide) {
        return List.of("NAME", "STATUS", "AGE");
    }

    @Override
    public List<String> row(JsonNode namespace, boolean wide, Instant now) {
        return List.of(Fields.name(namespace), Fields.textOr(namespace, "Active", "status", "phase"),
                Age.since(text(namespace, "metadata", "creationTimestamp"), now));
    }
}
