package io.kubelite.store.postgres;

import io.kubelite.model.Json;
import tools.jackson.databind.node.ObjectNode;

/** A row of the objects table: the object as stored (without resourceVersion) and its revision. */
record StoredObject(ObjectNode data, long version) {

    static StoredObject parse(String json, long version) {
        return new StoredObject((ObjectNode) Json.MAPPER.readTree(json), version);
    }

    /** A copy of the object as clients see it, with metadata.resourceVersion set. */
    ObjectNode toApi() {
        return ObjectMetadata.withVersion(data.deepCopy(), version);
    }
}
