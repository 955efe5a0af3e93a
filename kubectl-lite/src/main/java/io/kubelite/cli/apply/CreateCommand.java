package io.kubelite.cli.apply;

import io.kubelite.cli.api.ApiClient;
import io.kubelite.cli.manifest.Manifests.Manifest;
import picocli.CommandLine.Command;

/** {@code kubectl-lite create -f}: creates every object of the manifests; one that exists already is an error. */
@Command(name = "create", description = "Create resources from files, directories or stdin.")
public final class CreateCommand extends ManifestCommand {

    @Override
    String act(ApiClient client, Manifest manifest) {
        client.create(manifest.kind(), namespaceOf(manifest), manifest.object());
        return "created";
    }
}
