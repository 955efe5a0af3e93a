package io.kubelite.cli.apply;

import io.kubelite.cli.ApiCommand;
import io.kubelite.cli.api.ApiClient;
import io.kubelite.cli.api.ApiException;
import io.kubelite.cli.manifest.Manifests;
import io.kubelite.cli.manifest.Manifests.Manifest;
import io.kubelite.cli.print.ObjectOutput;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * A command that acts on every object of the manifests named by {@code -f}, printing {@code kind/name what} for
 * each, as kubectl does; an object the server refuses prints the server's message, and the others still go ahead.
 */
abstract class ManifestCommand extends ApiCommand {

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE|DIR|-",
            description = "Files or directories of YAML or JSON manifests, or - for standard input.")
    List<String> files;

    /** Acts on one object and says what became of it, such as {@code created}. */
    abstract String act(ApiClient client, Manifest manifest);

    /** The object's namespace: its own, else the session's; null for a cluster-scoped kind. */
    String namespaceOf(Manifest manifest) {
        return manifest.kind().namespaced()
                ? manifest.object().path("metadata").path("namespace").asString(session().namespace()) : null;
    }

    @Override
    protected int execute() {
        ApiClient client = session().client();
        int exitCode = 0;
        for (Manifest manifest : Manifests.read(files, System.in)) {
            try {
                out().println(ObjectOutput.name(manifest.kind(), manifest.object()) + " " + act(client, manifest));
            } catch (ApiException e) {
                out().flush();
                err().println(e.kubectlMessage());
                exitCode = 1;
            }
        }
        return exitCode;
    }
}
