package io.kubelite.cli.apply;

import io.kubelite.cli.api.ApiClient;
import io.kubelite.cli.api.ApiException;
import io.kubelite.cli.manifest.Manifests.Manifest;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code kubectl-lite apply -f}: creates what does not exist, patches what differs from the declaration, and says
 * {@code created}, {@code configured} or {@code unchanged} for each object. The declaration is kept in the
 * annotation {@value #LAST_APPLIED}, as kubectl keeps it, so that fields dropped from it are removed next time.
 */
@Command(name = "apply", description = "Apply a configuration to resources from files, directories or stdin.")
public final class ApplyCommand extends ManifestCommand {

    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    String act(ApiClient client, Manifest manifest) {
        ObjectNode declared = declaration(manifest.object());
        String annotation = JSON.writeValueAsString(declared);
        String namespace = namespaceOf(manifest);
        String name = declared.path("metadata").path("name").asString("");
        JsonNode live;
        try {
            live = client.get(manifest.kind(), namespace, name);
        } catch (ApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            ObjectNode object = declared.deepCopy();
            annotations(object).put(LAST_APPLIED, annotation);
            client.create(manifest.kind(), namespace, object);
            return "created";
        }
        String previous = live.path("metadata").path("annotations").path(LAST_APPLIED).asString("");
        JsonNode lastApplied = previous.isEmpty() ? JSON.createObjectNode() : JSON.readTree(previous);
        ObjectNode patch = ApplyPatch.between(lastApplied, declared, live);
        if (patch.isEmpty() && previous.equals(annotation)) {
            return "unchanged";
        }
        annotations(patch).put(LAST_APPLIED, annotation);
        client.patch(manifest.kind(), namespace, name, patch);
        return "configured";
    }

    /** What the user declared, without a status (which apply never writes) and without an older annotation. */
    private static ObjectNode declaration(JsonNode object) {
        ObjectNode declared = (ObjectNode) object.deepCopy();
        declared.remove("status");
        JsonNode annotations = declared.path("metadata").path("annotations");
        if (annotations.isObject()) {
            ((ObjectNode) annotations).remove(LAST_APPLIED);
            if (annotations.isEmpty()) {
                ((ObjectNode) declared.path("metadata")).remove("annotations");
            }
        }
        return declared;
    }

    private static ObjectNode annotations(ObjectNode object) {
        ObjectNode metadata = object.has("metadata") ? (ObjectNode) object.get("metadata") : object.putObject("metadata");
        return metadata.has("annotations") ? (ObjectNode) metadata.get("annotations")
                : metadata.putObject("annotations");
    }
}
