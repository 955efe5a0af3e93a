package io.kubelite.cli.bowl;

/** One node as a pin: the key that knocks it, its name, its state and how many pods it runs. */
public record Pin(char key, String node, PinState state, int pods) {
}
