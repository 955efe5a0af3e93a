package io.kubelite.cli.scale;

import io.kubelite.cli.ApiCommand;
import io.kubelite.cli.TypedName;
import io.kubelite.cli.api.ApiClient;
import io.kubelite.cli.api.ResourcePaths;
import io.kubelite.model.ResourceKind;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scale deployment/web --replicas=3}: writes the scale subresource, as kubectl does. */
@Command(name = "scale", description = "Set a new size for a deployment or replica set.")
public final class ScaleCommand extends ApiCommand {

    @Parameters(arity = "1..2", paramLabel = "TYPE/NAME", description = "deployment/NAME, rs/NAME, or TYPE NAME")
    List<String> target;

    @Option(names = "--replicas", required = true, description = "The new number of replicas.")
    int replicas;

    @Override
    protected int execute() {
        TypedName typed = TypedName.parse(target, Set.of(ResourceKind.DEPLOYMENT, ResourceKind.REPLICASET));
        if (replicas < 0) {
            err().println("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
            return 1;
        }
        String path = ResourcePaths.of(typed.kind(), session().namespace(), typed.name()) + "/scale";
        session().client().send("PATCH", path,
                ApiClient.JSON.createObjectNode().set("spec", ApiClient.JSON.createObjectNode().put("replicas", replicas)),
                "application/merge-patch+json");
        out().println(typed.display() + " scaled");
        return 0;
    }
}
