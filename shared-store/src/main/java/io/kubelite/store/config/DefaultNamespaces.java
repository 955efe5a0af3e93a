package io.kubelite.store.config;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The namespaces that exist from the start, created by whichever service starts first. As in
 * Kubernetes, they cannot be deleted.
 */
public final class DefaultNamespaces {

    public static final List<String> NAMES = List.of("default", "kube-system");

    private DefaultNamespaces() { }

    /** Creates the missing ones; safe when several services start at once (one create wins). */
    public static void ensure(ObjectStore store) {
        for (String name : NAMES) {
            ObjectNode namespace = Json.MAPPER.createObjectNode();
            namespace.putObject("metadata").put("name", name);
            try {
                store.create(ResourceKind.NAMESPACE, namespace, WriteOptions.NONE);
            } catch (StatusException e) {
                if (!"AlreadyExists".equals(e.reason())) {
                    throw e;
                }
            }
        }
    }
}
