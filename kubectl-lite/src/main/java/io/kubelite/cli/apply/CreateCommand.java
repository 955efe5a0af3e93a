package io.kubelite.cli.apply;

import io.kubelite.cli.ApiCommand;
import io.kubelite.cli.api.ApiClient;
import io.kubelite.cli.api.ApiException;
import io.kubelite.cli.manifest.Manifests;
import io.kubelite.cli.manifest.Manifests.Manifest;
import io.kubelite.cli.print.ObjectOutput;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kubectl-lite create -f}: creates every object of the manifests; one that exists already is an error. */
@Command(name = "create", description = "Create resources from files, directories or stdin.")
public final class CreateCommand extends ApiCommand {

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE|DIR|-",
            description = "Files or directories of YAML or JSON manifests, or - for standard input.")
    List<String> files;

    @Override
    protected int execute() {
        ApiClient client = session().client();
        int exitCode = 0;
        for (Manifest manifest : Manifests.read(files, System.in)) {
            String namespace = manifest.kind().namespaced()
                    ? manifest.object().path("metadata").path("namespace").asString(session().namespace()) : null;
            try {
                client.create(manifest.kind(), namespace, manifest.object());
                out().println(ObjectOutput.name(manifest.kind(), manifest.object()) + " created");
            } catch (ApiException e) {
                out().flush();
                err().println(e.kubectlMessage());
                exitCode = 1;
            }
        }
        return exitCode;
    }
}
