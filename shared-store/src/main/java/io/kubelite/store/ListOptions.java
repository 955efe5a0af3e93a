package io.kubelite.store;

import io.kubelite.model.selector.FieldSelector;
import io.kubelite.model.selector.LabelSelector;

/**
 * @param namespace     null or empty for every namespace (and for cluster-scoped kinds)
 * @param limit         0 for no limit
 * @param continueToken the token a previous page returned, or null
 */
public record ListOptions(String namespace, LabelSelector labelSelector, FieldSelector fieldSelector,
                          int limit, String continueToken) {
    public static ListOptions all() {
        return new ListOptions(null, null, null, 0, null);
    }

    public static ListOptions inNamespace(String namespace) {
        return new ListOptions(namespace, null, null, 0, null);
    }
}
