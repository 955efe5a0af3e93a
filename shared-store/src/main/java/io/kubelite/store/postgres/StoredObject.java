package io.kubelite.store.postgres;

import io.kubelite.model.Json;
import tools.jackson.databind.node.ObjectNode;

/** A row of the objects table: the object as stored (without resourceVersion) and its revision. */
record StoredObject(ObjectNode data, long version) {

    static StoredObject parse(String json, long version) {
        return new StoredObject((ObjectNode) Json.MAPPER.readTree(json), version);
    }

    /**
     * The object as clients see it: sets metadata.resourceVersion on {@code data} itself, without a
     * copy, so it is the last use of this row.
     */
    ObjectNode toApi() {
        return ObjectMetadata.withVersion(data, version);
    }
}
