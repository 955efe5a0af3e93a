package io.kubelite.cli.rollout;

import io.kubelite.cli.ApiCommand;
import io.kubelite.cli.TypedName;
import io.kubelite.cli.UsageException;
import io.kubelite.cli.api.ApiClient;
import io.kubelite.cli.api.ResourcePaths;
import io.kubelite.model.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code rollout undo deployment/web [--to-revision=N]}: as kubectl does it in apps/v1, copies the pod template of
 * the wanted revision's ReplicaSet, less its {@code pod-template-hash} label, into the Deployment; the Deployment
 * controller then rolls back to that ReplicaSet.
 */
@Command(name = "undo", description = "Roll a deployment back to an earlier revision.")
public final class RolloutUndoCommand extends ApiCommand {

    private static final String HASH_LABEL = "pod-template-hash";

    @Parameters(arity = "1..2", paramLabel = "deployment/NAME")
    List<String> target;

    @Option(names = "--to-revision", defaultValue = "0",
            description = "The revision to roll back to (default 0: the one before the current).")
    long toRevision;

    @Override
    protected int execute() {
        TypedName typed = TypedName.parse(target, Set.of(ResourceKind.DEPLOYMENT));
        ApiClient client = session().client();
        JsonNode deployment = client.get(ResourceKind.DEPLOYMENT, session().namespace(), typed.name());
        TreeMap<Long, JsonNode> revisions = Revisions.of(client, deployment);
        long revision = toRevision != 0 ? toRevision : previous(revisions, deployment, typed.name());
        JsonNode replicaSet = revisions.get(revision);
        if (replicaSet == null) {
            throw new UsageException("unable to find specified revision " + revision + " in history");
        }
        JsonNode template = replicaSet.path("spec").path("template").deepCopy();
        if (template.path("metadata").path("labels") instanceof ObjectNode labels) {
            labels.remove(HASH_LABEL);
        }
        if (template.equals(deployment.path("spec").path("template"))) {
            out().println(typed.display() + " skipped rollback (current template already matches revision "
                    + revision + ")");
            return 0;
        }
        // a JSON patch replaces the template whole; a merge patch would keep labels the old template lacks
        var patch = ApiClient.JSON.createArrayNode().add(ApiClient.JSON.createObjectNode()
                .put("op", "replace").put("path", "/spec/template").set("value", template));
        client.send("PATCH", ResourcePaths.of(ResourceKind.DEPLOYMENT, session().namespace(), typed.name()), patch,
                "application/json-patch+json");
        out().println(typed.display() + " rolled back");
        return 0;
    }

    /** The highest revision below the Deployment's current one, as kubectl picks it. */
    private static long previous(TreeMap<Long, JsonNode> revisions, JsonNode deployment, String name) {
        long current = Revisions.revision(deployment).orElse(revisions.isEmpty() ? 0 : revisions.lastKey());
        Map.Entry<Long, JsonNode> before = revisions.lowerEntry(current);
        if (before == null) {
            throw new UsageException("no rollout history found for deployment \"" + name + "\"");
        }
        return before.getKey();
    }
}
