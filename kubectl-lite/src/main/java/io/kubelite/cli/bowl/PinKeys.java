package io.kubelite.cli.bowl;

import java.util.Optional;

/**
 * The key of each pin: {@code 1}-{@code 9} and {@code 0} for the ten pins of a triangle, then letters, leaving out
 * the command keys {@code q} (quit), {@code r} (random) and {@code u} (stand up).
 */
public final class PinKeys {

    static final String KEYS = "1234567890abcdefghijklmnopstvwxyz";

    private PinKeys() { }

    public static char keyOf(int index) {
        return index < KEYS.length() ? KEYS.charAt(index) : ' ';
    }

    /** The pin index a key stands for, if it is a pin key. */
    public static Optional<Integer> indexOf(char key) {
        int index = KEYS.indexOf(Character.toLowerCase(key));
        return index < 0 ? Optional.empty() : Optional.of(index);
    }
}
