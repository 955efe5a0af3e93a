package io.kubelite.cli.rollout;

import io.kubelite.cli.ApiCommand;
import io.kubelite.cli.TypedName;
import io.kubelite.cli.print.Table;
import io.kubelite.model.ResourceKind;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code rollout history deployment/web}: REVISION and CHANGE-CAUSE of each ReplicaSet the Deployment controls. */
@Command(name = "history", description = "Show the revisions of a deployment.")
public final class RolloutHistoryCommand extends ApiCommand {

    @Parameters(arity = "1..2", paramLabel = "deployment/NAME")
    List<String> target;

    @Override
    protected int execute() {
        TypedName typed = TypedName.parse(target, Set.of(ResourceKind.DEPLOYMENT));
        JsonNode deployment = session().client().get(ResourceKind.DEPLOYMENT, session().namespace(), typed.name());
        var revisions = Revisions.of(session().client(), deployment);
        if (revisions.isEmpty()) {
            out().println("No rollout history found in deployment \"" + typed.name() + "\"");
            return 0;
        }
        out().println(typed.display());
        Table table = new Table(List.of("REVISION", "CHANGE-CAUSE"));
        Revisions.changeCauses(revisions).forEach((revision, cause) -> table.add(List.of(revision.toString(), cause)));
        table.print(out(), true);
        return 0;
    }
}
