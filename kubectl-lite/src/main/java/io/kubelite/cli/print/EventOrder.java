package io.kubelite.cli.print;

import java.util.Comparator;
import tools.jackson.databind.JsonNode;

/** Events oldest first by when they were last seen, as kubectl sorts them. */
public final class EventOrder {

    public static final Comparator<JsonNode> BY_LAST_SEEN = Comparator.comparing(EventTable::lastSeen);

    private EventOrder() { }
}
