package io.kubelite.store;

import tools.jackson.databind.node.ObjectNode;

/**
 * One change seen by a watch. {@code type} is ADDED, MODIFIED or DELETED; an object that moves
 * into a filtered watch's selection arrives as ADDED, one that moves out as DELETED.
 */
public record WatchEvent(String type, ObjectNode object, long revision) {
    public static final String ADDED = "ADDED";
    public static final String MODIFIED = "MODIFIED";
    public static final String DELETED = "DELETED";
}
