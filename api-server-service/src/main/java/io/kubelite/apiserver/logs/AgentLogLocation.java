package io.kubelite.apiserver.logs;

import java.net.URI;

/**
 * Where a container's log is read from: the node agent of the pod's node.
 *
 * @param nodeName the node that runs the pod
 * @param agent    the agent's base address, {@code http://host:port}, for messages
 * @param uri      the agent's {@code /containerLogs/{ns}/{pod}/{container}} with the options as its query
 */
record AgentLogLocation(String nodeName, String agent, URI uri) { }
