package io.kubelite.store;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * @param resourceVersion    the revision the list was read at: a watch from it misses nothing
 * @param continueToken      null on the last page
 * @param remainingItemCount items after this page, when known
 */
public record ObjectList(List<ObjectNode> items, long resourceVersion, String continueToken,
                         Long remainingItemCount) { }
