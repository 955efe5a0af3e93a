package io.kubelite.cli.api;

import tools.jackson.databind.node.ObjectNode;

/** One line of a watch stream: ADDED, MODIFIED, DELETED, BOOKMARK or ERROR, and the object. */
public record WatchEvent(String type, ObjectNode object) {
}
