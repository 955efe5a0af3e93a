package io.kubelite.cli.print;

import static io.kubelite.cli.print.Fields.text;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** LAST SEEN TYPE REASON OBJECT MESSAGE (+ SOURCE FIRST SEEN COUNT NAME before and after MESSAGE, as kubectl). */
final class EventTable implements ResourceTable {

    @Override
    public List<String> headers(boolean wide) {
        return wide
                ? List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "SUBOBJECT", "SOURCE", "MESSAGE", "FIRST SEEN",
                        "COUNT", "NAME")
                : List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE");
    }

    @Override
    public List<String> row(JsonNode event, boolean wide, Instant now) {
        String lastSeen = Age.since(lastSeen(event), now);
        String object = object(event);
        String message = text(event, "message").strip();
        if (!wide) {
            return List.of(lastSeen, text(event, "type"), text(event, "reason"), object, message);
        }
        return List.of(lastSeen, text(event, "type"), text(event, "reason"), object,
                text(event, "involvedObject", "fieldPath"), source(event), message,
                Age.since(Fields.textOr(event, lastSeen(event), "firstTimestamp"), now),
                Long.toString(Math.max(1, event.path("count").asLong(1))), Fields.name(event));
    }

    /** When the event last happened: {@code lastTimestamp}, else {@code eventTime}, else its creation. */
    public static String lastSeen(JsonNode event) {
        for (String field : List.of("lastTimestamp", "eventTime", "firstTimestamp")) {
            String time = text(event, field);
            if (!time.isEmpty()) {
                return time;
            }
        }
        return text(event, "metadata", "creationTimestamp");
    }

    /** {@code pod/web-1}: the involved object's kind, lower case, and name. */
    public static String object(JsonNode event) {
        JsonNode involved = event.path("involvedObject");
        return text(involved, "kind").toLowerCase(Locale.ROOT) + "/" + text(involved, "name");
    }

    private static String source(JsonNode event) {
        String component = text(event, "source", "component");
        String host = text(event, "source", "host");
        return host.isEmpty() ? component : component + ", " + host;
    }
}
