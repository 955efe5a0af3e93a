package io.kubelite.agent.runtime;

/** Which pod, on which node, a container belongs to. */
public record PodRef(String nodeName, String namespace, String name, String uid) { }
