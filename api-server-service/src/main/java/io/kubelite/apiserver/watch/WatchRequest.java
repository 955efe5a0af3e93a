package io.kubelite.apiserver.watch;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.selector.FieldSelector;
import io.kubelite.model.selector.LabelSelector;

/**
 * What a client asked to watch.
 *
 * @param namespace       null for every namespace
 * @param resourceVersion null to start with ADDED events for the current objects
 * @param timeoutSeconds  null or 0 for the server's default
 */
public record WatchRequest(ResourceKind kind, String namespace, LabelSelector labelSelector,
                           FieldSelector fieldSelector, Long resourceVersion, boolean allowBookmarks,
                           Long timeoutSeconds) {
}
