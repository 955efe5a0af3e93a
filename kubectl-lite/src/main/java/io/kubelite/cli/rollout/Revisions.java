package io.kubelite.cli.rollout;

import io.kubelite.cli.api.ApiClient;
import io.kubelite.cli.api.ListOptions;
import io.kubelite.model.ResourceKind;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * A Deployment's revisions: the ReplicaSets it controls (by owner reference uid), keyed by their
 * {@code deployment.kubernetes.io/revision} annotation, as kubectl's {@code rollout history} finds them.
 */
public final class Revisions {

    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

    private Revisions() { }

    /** Revision number to ReplicaSet, in ascending order. */
    public static TreeMap<Long, JsonNode> of(ApiClient client, JsonNode deployment) {
        String namespace = deployment.path("metadata").path("namespace").asString("");
        String uid = deployment.path("metadata").path("uid").asString("");
        TreeMap<Long, JsonNode> revisions = new TreeMap<>();
        for (JsonNode replicaSet : client.list(ResourceKind.REPLICASET, namespace, ListOptions.ALL).path("items")) {
            if (controlledBy(replicaSet, uid)) {
                revision(replicaSet).ifPresent(revision -> revisions.put(revision, replicaSet));
            }
        }
        return revisions;
    }

    static Optional<Long> revision(JsonNode object) {
        String value = object.path("metadata").path("annotations").path(REVISION).asString("");
        try {
            return value.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean controlledBy(JsonNode object, String uid) {
        for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false) && uid.equals(owner.path("uid").asString(""))) {
                return true;
            }
        }
        return false;
    }

    /** The change cause of each revision, {@code <none>} when its ReplicaSet has none. */
    static Map<Long, String> changeCauses(TreeMap<Long, JsonNode> revisions) {
        Map<Long, String> causes = new TreeMap<>();
        revisions.forEach((revision, replicaSet) -> causes.put(revision,
                replicaSet.path("metadata").path("annotations").path(CHANGE_CAUSE).asString("<none>")));
        return causes;
    }
}
