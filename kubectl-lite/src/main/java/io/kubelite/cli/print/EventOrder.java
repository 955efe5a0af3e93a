package io.kubelite.cli.print;

import java.util.Comparator;
import tools.jackson.databind.JsonNode;

/** Events oldest first by when they were last seen, as kubectl sorts them. */
public final class EventOrder {

    public static final Comparator<JsonNode> BY_LAST_SEEN = Comparator.comparing(EventTable::lastSeen);

    private EventOrder() { }

    /** When the event last happened: {@code lastTimestamp}, else {@code eventTime}, else its creation. */
    public static String lastSeen(JsonNode event) {
        return EventTable.lastSeen(event);
    }

    /** {@code pod/web-1}: the involved object's kind, lower case, and name. */
    public static String object(JsonNode event) {
        return EventTable.object(event);
    }
}
