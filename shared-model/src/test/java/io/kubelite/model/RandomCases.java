package io.kubelite.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Random inputs for property tests from a fixed seed, so every run checks the same cases and a failing case
 * stays failing until the code is fixed.
 */
public final class RandomCases {

    private final Random random;

    public RandomCases(long seed) {
        this.random = new Random(seed);
    }

    /** A whole number from min to max, both included. */
    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** A whole number from min to max, both included. */
    public long between(long min, long max) {
        return min + random.nextLong(max - min + 1);
    }

    public boolean nextBoolean() {
        return random.nextBoolean();
    }

    public <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A string of minLength to maxLength characters, each one of chars. */
    public String string(String chars, int minLength, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int length = between(minLength, maxLength); text.length() < length; ) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    public <T> List<T> list(int minSize, int maxSize, Supplier<T> element) {
        List<T> list = new ArrayList<>();
        for (int size = between(minSize, maxSize); list.size() < size; ) {
            list.add(element.get());
        }
        return list;
    }

    /** count cases, each drawn by next from this source. */
    public <T> Stream<T> stream(int count, Supplier<T> next) {
        return Stream.generate(next).limit(count);
    }
}
