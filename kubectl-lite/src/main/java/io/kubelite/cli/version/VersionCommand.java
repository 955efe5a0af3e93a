package io.kubelite.cli.version;

import io.kubelite.cli.ApiCommand;
import io.kubelite.cli.ClientVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code kubectl-lite version}: the client's version and the server's {@code /version}. */
@Command(name = "version", description = "Print the client and server version information.")
public final class VersionCommand extends ApiCommand {

    @Option(names = "--client", description = "Print the client version only (no server needed).")
    boolean clientOnly;

    @Override
    protected int execute() {
        out().println("Client Version: " + ClientVersion.gitVersion());
        if (clientOnly) {
            return 0;
        }
        JsonNode server = session().client().getJson("/version");
        out().println("Server Version: " + server.path("gitVersion").asString(""));
        return 0;
    }
}
