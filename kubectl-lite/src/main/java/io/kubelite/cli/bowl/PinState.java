package io.kubelite.cli.bowl;

/** How a node looks as a pin. */
public enum PinState {
    /** {@code Ready=True}, and its agent is not stopped. */
    STANDING,
    /** Knocked (its agent is stopped) but still {@code Ready=True}: the node lifecycle controller has not noticed yet. */
    WOBBLING,
    /** {@code Ready} is {@code False} or {@code Unknown}, or the node has no {@code Ready} condition. */
    FALLEN
}
