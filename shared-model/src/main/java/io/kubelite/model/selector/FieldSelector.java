package io.kubelite.model.selector;

import java.util.List;

/** A parsed field selector ({@code spec.nodeName=n1,status.phase!=Running}). */
public record FieldSelector(List<Requirement> requirements) {

    /** {@code equal} is true for {@code =} / {@code ==}, false for {@code !=}. */
    public record Requirement(String field, boolean equal, String value) { }

    /** Throws StatusException 400 on bad syntax. */
    public static FieldSelector parse(String text) {
        throw new UnsupportedOperationException("FieldSelector.parse");
    }

    public boolean isEmpty() {
        return requirements.isEmpty();
    }
}
