package io.kubelite.model.selector;

import java.util.List;
import java.util.Map;

/** A parsed label selector: every requirement must hold. The empty selector matches everything. */
public record LabelSelector(List<Requirement> requirements) {

    public enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

    /** {@code values} is empty for EXISTS / DOES_NOT_EXIST, one value for EQUALS / NOT_EQUALS. */
    public record Requirement(String key, Operator operator, List<String> values) { }

    /** Parses {@code app=web,tier!=db,env in (a,b),!legacy}; throws StatusException 400 on bad syntax. */
    public static LabelSelector parse(String text) {
        throw new UnsupportedOperationException("LabelSelector.parse");
    }

    public boolean matches(Map<String, String> labels) {
        throw new UnsupportedOperationException("LabelSelector.matches");
    }

    public boolean isEmpty() {
        return requirements.isEmpty();
    }
}
