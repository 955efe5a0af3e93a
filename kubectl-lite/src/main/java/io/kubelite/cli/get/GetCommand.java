package io.kubelite.cli.get;

import io.kubelite.cli.ApiCommand;
import io.kubelite.cli.ResourceArguments;
import io.kubelite.cli.ResourceArguments.Selection;
import io.kubelite.cli.UsageException;
import io.kubelite.cli.api.ApiClient;
import io.kubelite.cli.api.ApiException;
import io.kubelite.cli.api.ListOptions;
import io.kubelite.cli.api.WatchEvent;
import io.kubelite.cli.print.EventOrder;
import io.kubelite.cli.print.ObjectOutput;
import io.kubelite.cli.print.OutputFormat;
import io.kubelite.cli.print.ResourceTable;
import io.kubelite.cli.print.ResourceTables;
import io.kubelite.cli.print.Table;
import io.kubelite.model.ResourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code kubectl-lite get}: objects as a table, JSON, YAML or names; {@code -w} keeps printing their changes. */
@Command(name = "get", description = "Display one or many resources.")
public final class GetCommand extends ApiCommand {

    @Parameters(paramLabel = "TYPE[,TYPE...] [NAME...] | TYPE/NAME...", arity = "1..*",
            description = "pods (po), nodes (no), deployments (deploy), replicasets (rs), events (ev), "
                    + "namespaces (ns).")
    List<String> arguments;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "wide, json, yaml or name.")
    String output;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR",
            description = "Label selector, such as app=web,tier!=db or 'env in (prod,qa)'.")
    String labelSelector;

    @Option(names = "--field-selector", paramLabel = "SELECTOR",
            description = "Field selector, such as status.phase=Running or spec.nodeName=node-1.")
    String fieldSelector;

    @Option(names = {"-A", "--all-namespaces"}, description = "List across all namespaces.")
    boolean allNamespaces;

    @Option(names = {"-w", "--watch"}, description = "After listing, watch for changes and print them.")
    boolean watch;

    @Option(names = "--no-headers", description = "Print tables without their header line.")
    boolean noHeaders;

    private OutputFormat format;
    private List<Selection> selections;
    /** The widths of the last table printed, which the rows of a watch keep. */
    private int[] widths;

    @Override
    protected int execute() {
        format = OutputFormat.parse(output);
        selections = ResourceArguments.parse(arguments);
        if (watch && (selections.size() > 1 || selections.get(0).names().size() > 1)) {
            throw new UsageException("watch is only supported on individual resources and resource collections, "
                    + "but " + selections.size() + " resources were found");
        }
        ApiClient client = session().client();
        List<Fetched> fetched = new ArrayList<>();
        int exitCode = 0;
        for (Selection selection : selections) {
            Fetched result = fetch(client, selection);
            fetched.add(result);
            for (ApiException error : result.errors()) {
                err().println(error.kubectlMessage());
                exitCode = 1;
            }
        }
        print(fetched);
        if (watch) {
            watch(client, selections.get(0), fetched.get(0));
        }
        return exitCode;
    }

    /** The objects of one selection, the revision to watch from, and the names that were not found. */
    private record Fetched(ResourceKind kind, List<JsonNode> objects, String resourceVersion,
                           List<ApiException> errors) {
    }

    private Fetched fetch(ApiClient client, Selection selection) {
        ResourceKind kind = selection.kind();
        String namespace = namespaceOf(kind);
        if (selection.names().isEmpty()) {
            JsonNode list = client.list(kind, namespace, new ListOptions(labelSelector, fieldSelector));
            List<JsonNode> items = new ArrayList<>();
            list.path("items").forEach(item -> items.add(ObjectOutput.typed(kind, item)));
            if (kind == ResourceKind.EVENT) {
                items.sort(EventOrder.BY_LAST_SEEN);
            }
            return new Fetched(kind, items, list.path("metadata").path("resourceVersion").asString(null), List.of());
        }
        List<JsonNode> objects = new ArrayList<>();
        List<ApiException> errors = new ArrayList<>();
        for (String name : selection.names()) {
            try {
                objects.add(client.get(kind, namespace, name));
            } catch (ApiException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
                errors.add(e);
            }
        }
        String resourceVersion = objects.size() == 1
                ? objects.get(0).path("metadata").path("resourceVersion").asString(null) : null;
        return new Fetched(kind, objects, resourceVersion, errors);
    }

    private String namespaceOf(ResourceKind kind) {
        return kind.namespaced() && !allNamespaces ? session().namespace() : null;
    }

    private void print(List<Fetched> fetched) {
        List<JsonNode> all = new ArrayList<>();
        fetched.forEach(f -> all.addAll(f.objects()));
        switch (format) {
            case JSON, YAML -> {
                boolean oneNamed = selections.size() == 1 && selections.get(0).names().size() == 1;
                JsonNode document = oneNamed && all.size() == 1 ? all.get(0) : ObjectOutput.list(all);
                out().print(format == OutputFormat.JSON ? ObjectOutput.json(document) + "\n"
                        : ObjectOutput.yaml(document));
            }
            case NAME -> fetched.forEach(f -> f.objects().forEach(o -> out().println(ObjectOutput.name(f.kind(), o))));
            default -> printTables(fetched);
        }
    }

    /** One table per kind; with several kinds the names are qualified ({@code pod/web}), as kubectl does. */
    private void printTables(List<Fetched> fetched) {
        boolean qualifyNames = fetched.size() > 1;
        Instant now = Instant.now();
        boolean printedAny = false;
        for (Fetched f : fetched) {
            if (f.objects().isEmpty()) {
                continue;
            }
            if (printedAny) {
                out().println();
            }
            Table table = newTable(f.kind());
            f.objects().forEach(o -> table.add(row(f.kind(), o, now, qualifyNames)));
            table.print(out(), !noHeaders);
            printedAny = true;
            widths = table.widths();
        }
        if (!printedAny && fetched.stream().allMatch(f -> f.errors().isEmpty())) {
            err().println(noResourcesMessage(fetched.get(0).kind()));
        }
    }

    private Table newTable(ResourceKind kind) {
        List<String> headers = new ArrayList<>();
        if (showsNamespace(kind)) {
            headers.add("NAMESPACE");
        }
        headers.addAll(ResourceTables.of(kind).headers(format == OutputFormat.WIDE));
        return new Table(headers);
    }

    private boolean showsNamespace(ResourceKind kind) {
        return allNamespaces && kind.namespaced();
    }

    private List<String> row(ResourceKind kind, JsonNode object, Instant now, boolean qualifyName) {
        ResourceTable columns = ResourceTables.of(kind);
        List<String> row = new ArrayList<>();
        if (showsNamespace(kind)) {
            row.add(object.path("metadata").path("namespace").asString(""));
        }
        List<String> cells = new ArrayList<>(columns.row(object, format == OutputFormat.WIDE, now));
        if (qualifyName) {
            cells.set(0, ObjectOutput.name(kind, object));
        }
        row.addAll(cells);
        return row;
    }

    private String noResourcesMessage(ResourceKind kind) {
        if (!kind.namespaced() || allNamespaces) {
            return "No resources found";
        }
        return "No resources found in " + session().namespace() + " namespace.";
    }

    /** Prints each change of the watched objects until the stream ends for good or an error ends it. */
    private void watch(ApiClient client, Selection selection, Fetched fetched) {
        ResourceKind kind = selection.kind();
        String fields = selection.names().isEmpty() ? fieldSelector : "metadata.name=" + selection.names().get(0);
        ListOptions options = new ListOptions(labelSelector, fields);
        if (widths == null && format.isTable()) {
            Table header = newTable(kind);
            header.print(out(), !noHeaders);
            widths = header.widths();
        }
        out().flush();
        String[] resourceVersion = {fetched.resourceVersion()};
        while (true) {
            client.watch(kind, namespaceOf(kind), options, resourceVersion[0], event -> {
                if (event.type().equals("ERROR")) {
                    JsonNode status = event.object();
                    throw new ApiException(status.path("code").asInt(500), status.path("reason").asString(""),
                            status.path("message").asString(""), status);
                }
                resourceVersion[0] = event.object().path("metadata").path("resourceVersion").asString(null);
                if (!event.type().equals("BOOKMARK")) {
                    printEvent(kind, event);
                }
                return true;
            });
        }
    }

    private void printEvent(ResourceKind kind, WatchEvent event) {
        JsonNode object = ObjectOutput.typed(kind, event.object());
        switch (format) {
            case JSON -> out().println(ObjectOutput.json(object));
            case YAML -> out().print("---\n" + ObjectOutput.yaml(object));
            case NAME -> out().println(ObjectOutput.name(kind, object));
            default -> out().println(Table.line(row(kind, object, Instant.now(), false), widths));
        }
        out().flush();
    }
}
