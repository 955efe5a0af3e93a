package io.kubelite.store;

import io.kubelite.model.selector.FieldSelector;
import io.kubelite.model.selector.LabelSelector;

/**
 * @param namespace    null or empty for every namespace
 * @param fromRevision deliver changes with a revision strictly greater than this
 */
public record WatchOptions(String namespace, LabelSelector labelSelector, FieldSelector fieldSelector,
                           long fromRevision) { }
