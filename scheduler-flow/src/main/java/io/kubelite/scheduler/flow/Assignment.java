package io.kubelite.scheduler.flow;

/** {@code count} pods of class {@code podClass} go to node {@code node}. */
public record Assignment(int podClass, int node, int count) {
}
