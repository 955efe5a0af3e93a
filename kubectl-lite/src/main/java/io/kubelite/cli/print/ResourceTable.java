package io.kubelite.cli.print;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The columns {@code kubectl-lite get} prints for one kind, and {@code -o wide}'s extra ones. */
public interface ResourceTable {

    List<String> headers(boolean wide);

    /** One object's cells, in the order of {@link #headers}, with ages measured at {@code now}. */
    List<String> row(JsonNode object, boolean wide, Instant now);
}
