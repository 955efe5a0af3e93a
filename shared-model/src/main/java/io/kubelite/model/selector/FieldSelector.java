package io.kubelite.model.selector;

import io.kubelite.model.StatusException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A parsed field selector ({@code spec.nodeName=n1,status.phase!=Running}), following
 * {@code k8s.io/apimachinery/pkg/fields}: terms separated by commas, each {@code field=value},
 * {@code field==value} or {@code field!=value}; a backslash escapes {@code ,}, {@code =} and itself.
 */
public record FieldSelector(List<Requirement> requirements) {

    /** {@code equal} is true for {@code =} / {@code ==}, false for {@code !=}. */
    public record Requirement(String field, boolean equal, String value) {

        /** Whether a field's value (null when the object has no such field, which reads as empty) satisfies this. */
        public boolean matches(String fieldValue) {
            return value.equals(fieldValue == null ? "" : fieldValue) == equal;
        }

        @Override
        public String toString() {
            return escape(field) + (equal ? "=" : "!=") + escape(value);
        }
    }

    public FieldSelector {
        requirements = List.copyOf(requirements);
    }

    /** Throws StatusException 400 on bad syntax. */
    public static FieldSelector parse(String text) {
        List<Requirement> requirements = new ArrayList<>();
        if (text == null) {
            return new FieldSelector(requirements);
        }
        for (String term : splitTerms(text)) {
            if (!term.isEmpty()) {
                requirements.add(parseTerm(text, term));
            }
        }
        return new FieldSelector(requirements);
    }

    /** Whether an object's fields, looked up by path ({@code metadata.name}), satisfy every requirement. */
    public boolean matches(Function<String, String> fieldValues) {
        return requirements.stream().allMatch(r -> r.matches(fieldValues.apply(r.field())));
    }

    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    @Override
    public String toString() {
        return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
    }

    private static List<String> splitTerms(String text) {
        List<String> terms = new ArrayList<>();
        int start = 0;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ',') {
                terms.add(text.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(text.substring(start));
        return terms;
    }

    private static Requirement parseTerm(String text, String term) {
        boolean escaped = false;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (escaped) {
                escaped = false;
                continue;
            }
            if (c == '\\') {
                escaped = true;
                continue;
            }
            String operator = term.startsWith("!=", i) ? "!=" : term.startsWith("==", i) ? "==" : c == '=' ? "=" : null;
            if (operator != null) {
                String field = unescape(text, term.substring(0, i));
                if (field.isEmpty()) {
                    throw invalid(text, term);
                }
                String value = unescape(text, term.substring(i + operator.length()));
                return new Requirement(field, !operator.equals("!="), value);
            }
        }
        throw invalid(text, term);
    }

    private static String unescape(String text, String part) {
        StringBuilder out = new StringBuilder(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '\\') {
                if (i + 1 >= part.length() || "\\,=".indexOf(part.charAt(i + 1)) < 0) {
                    throw StatusException.badRequest("invalid field selector: '" + text
                            + "'; invalid escape sequence in '" + part + "'");
                }
                c = part.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String escape(String part) {
        return part.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
    }

    private static StatusException invalid(String text, String term) {
        return StatusException.badRequest("invalid field selector: '" + text + "'; can't understand '" + term
                + "' (expected field=value, field==value or field!=value)");
    }
}
