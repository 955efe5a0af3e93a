package io.kubelite.store;

import tools.jackson.databind.node.ObjectNode;

/**
 * What became of one binding of {@link ObjectStore#bindAll}: exactly one of the two is set.
 *
 * @param pod     the bound pod as stored
 * @param failure why it was not bound: a {@link io.kubelite.model.StatusException} (404 NotFound, 409 Conflict,
 *                422 Invalid, 503 ServiceUnavailable), or the database's error
 */
public record BindResult(ObjectNode pod, RuntimeException failure) {

    public static BindResult bound(ObjectNode pod) {
        return new BindResult(pod, null);
    }

    public static BindResult failed(RuntimeException failure) {
        return new BindResult(null, failure);
    }
}
