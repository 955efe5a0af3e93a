package io.kubelite.cli.describe;

import static io.kubelite.cli.print.Fields.text;

import io.kubelite.cli.ApiCommand;
import io.kubelite.cli.ResourceArguments;
import io.kubelite.cli.ResourceArguments.Selection;
import io.kubelite.cli.api.ApiClient;
import io.kubelite.cli.api.ApiException;
import io.kubelite.cli.api.ListOptions;
import io.kubelite.cli.print.Age;
import io.kubelite.cli.print.EventOrder;
import io.kubelite.cli.print.Fields;
import io.kubelite.model.ResourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code kubectl-lite describe}: an object's key fields, then the Events about it. */
@Command(name = "describe", description = "Show details of a specific resource or group of resources.")
public final class DescribeCommand extends ApiCommand {

    @Parameters(paramLabel = "TYPE [NAME...] | TYPE/NAME...", arity = "1..*")
    List<String> arguments;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Describe the objects with these labels.")
    String labelSelector;

    @Override
    protected int execute() {
        ApiClient client = session().client();
        int exitCode = 0;
        boolean first = true;
        for (Selection selection : ResourceArguments.parse(arguments)) {
            ResourceKind kind = selection.kind();
            String namespace = kind.namespaced() ? session().namespace() : null;
            List<JsonNode> objects = new ArrayList<>();
            if (selection.names().isEmpty()) {
                client.list(kind, namespace, new ListOptions(labelSelector, null)).path("items").forEach(objects::add);
            }
            for (String name : selection.names()) {
                try {
                    objects.add(client.get(kind, namespace, name));
                } catch (ApiException e) {
                    if (!e.isNotFound()) {
                        throw e;
                    }
                    out().flush();
                    err().println(e.kubectlMessage());
                    exitCode = 1;
                }
            }
            for (JsonNode object : objects) {
                if (!first) {
                    out().println();
                    out().println();
                }
                first = false;
                describe(client, kind, object);
            }
        }
        return exitCode;
    }

    private void describe(ApiClient client, ResourceKind kind, JsonNode object) {
        Instant now = Instant.now();
        Description page = new Description();
        Describers.of(kind).describe(object, page, now);
        if (kind != ResourceKind.EVENT) {
            events(page, events(client, kind, object), now);
        }
        page.print(out());
    }

    /** The events whose involved object is this one (by uid, or by kind and name for events that carry no uid). */
    private static List<JsonNode> events(ApiClient client, ResourceKind kind, JsonNode object) {
        String namespace = kind.namespaced() ? Fields.namespace(object) : null;
        String uid = text(object, "metadata", "uid");
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode event : client.list(ResourceKind.EVENT, namespace, ListOptions.ALL).path("items")) {
            JsonNode involved = event.path("involvedObject");
            String involvedUid = text(involved, "uid");
            boolean same = involvedUid.isEmpty()
                    ? kind.kind().equals(text(involved, "kind")) && Fields.name(object).equals(text(involved, "name"))
                    : involvedUid.equals(uid);
            if (same) {
                events.add(event);
            }
        }
        events.sort(EventOrder.BY_LAST_SEEN);
        return events;
    }

    private static void events(Description page, List<JsonNode> events, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode event : events) {
            long count = event.path("count").asLong(1);
            String age = Age.since(EventOrder.lastSeen(event), now);
            if (count > 1) {
                age += " (x" + count + " over "
                        + Age.since(Fields.textOr(event, EventOrder.lastSeen(event),
                        "firstTimestamp"), now) + ")";
            }
            rows.add(List.of(text(event, "type"), text(event, "reason"), age,
                    text(event, "source", "component"), text(event, "message").strip()));
        }
        page.table("Events", List.of("Type", "Reason", "Age", "From", "Message"), rows);
    }
}
