package io.kubelite.scheduler.testing;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import tools.jackson.databind.node.ObjectNode;

/** Writes test nodes and pods to a store, as a user or a node agent would: without server-set metadata. */
public final class StoreObjects {

    private StoreObjects() { }

    public static ObjectNode create(ObjectStore store, NodeBuilder node) {
        return store.create(ResourceKind.NODE, clientSide(Json.MAPPER.valueToTree(node.build())), WriteOptions.NONE);
    }

    public static ObjectNode create(ObjectStore store, PodBuilder pod) {
        return store.create(ResourceKind.POD, clientSide(Json.MAPPER.valueToTree(pod.build())), WriteOptions.NONE);
    }

    private static ObjectNode clientSide(ObjectNode object) {
        ObjectNode metadata = (ObjectNode) object.get("metadata");
        metadata.remove("uid");
        metadata.remove("resourceVersion");
        metadata.remove("creationTimestamp");
        return object;
    }
}
