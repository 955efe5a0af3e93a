package io.kubelite.cli.delete;

import io.kubelite.cli.ApiCommand;
import io.kubelite.cli.ResourceArguments;
import io.kubelite.cli.ResourceArguments.Selection;
import io.kubelite.cli.ResourceTypes;
import io.kubelite.cli.UsageException;
import io.kubelite.cli.api.ApiClient;
import io.kubelite.cli.api.ApiException;
import io.kubelite.cli.api.ListOptions;
import io.kubelite.cli.manifest.Manifests;
import io.kubelite.cli.manifest.Manifests.Manifest;
import io.kubelite.model.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code kubectl-lite delete}: by type and names, by {@code -l} selector, {@code --all}, or the objects of {@code -f}. */
@Command(name = "delete", description = "Delete resources by file names, stdin, resources and names, or by selector.")
public final class DeleteCommand extends ApiCommand {

    @Parameters(paramLabel = "TYPE [NAME...] | TYPE/NAME...", arity = "0..*")
    List<String> arguments;

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE|DIR|-", description = "Delete the objects of these manifests.")
    List<String> files;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Delete the objects with these labels.")
    String labelSelector;

    @Option(names = "--all", description = "Delete every object of the type in the namespace.")
    boolean all;

    @Option(names = "--ignore-not-found", description = "Treat an object that does not exist as deleted.")
    boolean ignoreNotFound;

    /** One object to delete. */
    private record Target(ResourceKind kind, String namespace, String name) {
    }

    @Override
    protected int execute() {
        ApiClient client = session().client();
        int exitCode = 0;
        List<Target> targets = targets(client);
        if (targets.isEmpty() && (labelSelector != null || all)) {
            err().println("No resources found");
        }
        for (Target target : targets) {
            try {
                client.delete(target.kind(), target.namespace(), target.name());
                out().println(ResourceTypes.qualified(target.kind()) + " \"" + target.name() + "\" deleted");
            } catch (ApiException e) {
                if (e.isNotFound() && ignoreNotFound) {
                    continue;
                }
                out().flush();
                err().println(e.kubectlMessage());
                exitCode = 1;
            }
        }
        return exitCode;
    }

    private List<Target> targets(ApiClient client) {
        List<Target> targets = new ArrayList<>();
        if (files != null && !files.isEmpty()) {
            for (Manifest manifest : Manifests.read(files, System.in)) {
                targets.add(new Target(manifest.kind(), namespaceOf(manifest.kind(), manifest.object()),
                        manifest.object().path("metadata").path("name").asString("")));
            }
            return targets;
        }
        for (Selection selection : ResourceArguments.parse(arguments)) {
            ResourceKind kind = selection.kind();
            String namespace = kind.namespaced() ? session().namespace() : null;
            if (!selection.names().isEmpty()) {
                selection.names().forEach(name -> targets.add(new Target(kind, namespace, name)));
            } else if (labelSelector != null || all) {
                for (JsonNode item : client.list(kind, namespace, new ListOptions(labelSelector, null)).path("items")) {
                    targets.add(new Target(kind, namespace, item.path("metadata").path("name").asString("")));
                }
            } else {
                throw new UsageException("resource(s) were provided, but no name was specified");
            }
        }
        return targets;
    }

    private String namespaceOf(ResourceKind kind, JsonNode object) {
        return kind.namespaced() ? object.path("metadata").path("namespace").asString(session().namespace()) : null;
    }
}
