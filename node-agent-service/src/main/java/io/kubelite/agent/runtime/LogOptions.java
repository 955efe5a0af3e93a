package io.kubelite.agent.runtime;

/** Which part of a container's output to return: the last {@code tailLines} (null: all), and whether to follow. */
public record LogOptions(Integer tailLines, boolean follow) { }
