package io.kubelite.model.selector;

import io.kubelite.model.StatusException;
import io.kubelite.model.selector.LabelSelector.Operator;
import io.kubelite.model.selector.LabelSelector.Requirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Parses label selector text with the grammar of {@code k8s.io/apimachinery/pkg/labels}:
 * requirements separated by commas, each {@code key}, {@code !key}, {@code key=value}, {@code key==value},
 * {@code key!=value}, {@code key in (v1,v2)}, {@code key notin (v1)}, {@code key>1} or {@code key<1}.
 */
final class LabelSelectorParser {

    private enum Kind { END, IDENTIFIER, NOT, NOT_EQUALS, EQUALS, DOUBLE_EQUALS, IN, NOT_IN, COMMA, OPEN, CLOSE,
        GREATER, LESS }

    private record Token(Kind kind, String text, int position) {
        String describe() {
            return kind == Kind.END ? "end of string" : "'" + text + "'";
        }
    }

    private static final String SPECIAL = "!(),=<>";

    private final String text;
    private final List<Token> tokens;
    private int next;

    private LabelSelectorParser(String text) {
        this.text = text;
        this.tokens = lex(text);
    }

    static LabelSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return new LabelSelector(List.of());
        }
        return new LabelSelectorParser(text).selector();
    }

    private LabelSelector selector() {
        List<Requirement> requirements = new ArrayList<>();
        while (true) {
            Token token = peek(true);
            if (token.kind == Kind.END) {
                break;
            }
            if (token.kind != Kind.IDENTIFIER && token.kind != Kind.NOT) {
                throw error(token, "expected: !, identifier, or 'end of string'");
            }
            requirements.add(requirement());
            Token separator = take(true);
            if (separator.kind == Kind.END) {
                break;
            }
            if (separator.kind != Kind.COMMA) {
                throw error(separator, "expected: ',' or 'end of string'");
            }
            Token after = peek(true);
            if (after.kind != Kind.IDENTIFIER && after.kind != Kind.NOT) {
                throw error(after, "expected: identifier after ','");
            }
        }
        requirements.sort(Comparator.comparing(Requirement::key));
        return new LabelSelector(requirements);
    }

    private Requirement requirement() {
        boolean negated = peek(true).kind == Kind.NOT;
        if (negated) {
            take(true);
        }
        Token key = take(true);
        if (key.kind != Kind.IDENTIFIER) {
            throw error(key, "expected: identifier");
        }
        Token following = peek(true);
        if (following.kind == Kind.END || following.kind == Kind.COMMA) {
            return LabelSelector.requirement(key.text, negated ? Operator.DOES_NOT_EXIST : Operator.EXISTS, List.of());
        }
        if (negated) {
            throw error(following, "expected: ',' or 'end of string' after '!" + key.text + "'");
        }
        Token operator = take(false);
        return switch (operator.kind) {
            case EQUALS, DOUBLE_EQUALS -> LabelSelector.requirement(key.text, Operator.EQUALS, exactValue());
            case NOT_EQUALS -> LabelSelector.requirement(key.text, Operator.NOT_EQUALS, exactValue());
            case GREATER -> LabelSelector.requirement(key.text, Operator.GREATER_THAN, exactValue());
            case LESS -> LabelSelector.requirement(key.text, Operator.LESS_THAN, exactValue());
            case IN -> LabelSelector.requirement(key.text, Operator.IN, valueSet());
            case NOT_IN -> LabelSelector.requirement(key.text, Operator.NOT_IN, valueSet());
            default -> throw error(operator, "expected: '=', '!=', '==', 'in', 'notin', '>' or '<' after key '"
                    + key.text + "'");
        };
    }

    private List<String> exactValue() {
        Token token = peek(true);
        if (token.kind == Kind.END || token.kind == Kind.COMMA) {
            return List.of("");
        }
        take(true);
        if (token.kind != Kind.IDENTIFIER) {
            throw error(token, "expected: identifier");
        }
        return List.of(token.text);
    }

    /** {@code (a,b)}; empty entries, as in {@code (a,)} or {@code ()}, stand for the empty value. */
    private List<String> valueSet() {
        Token open = take(true);
        if (open.kind != Kind.OPEN) {
            throw error(open, "expected: '('");
        }
        TreeSet<String> values = new TreeSet<>();
        boolean expectValue = true;
        while (true) {
            Token token = take(true);
            switch (token.kind) {
                case IDENTIFIER -> {
                    if (!expectValue) {
                        throw error(token, "expected: ',' or ')'");
                    }
                    values.add(token.text);
                    expectValue = false;
                }
                case COMMA -> {
                    if (expectValue) {
                        values.add("");
                    }
                    expectValue = true;
                }
                case CLOSE -> {
                    if (expectValue) {
                        values.add("");
                    }
                    return List.copyOf(values);
                }
                default -> throw error(token,
                        expectValue ? "expected: ',', ')' or identifier" : "expected: ',' or ')'");
            }
        }
    }

    /** The next token; in values, {@code in} and {@code notin} are plain words. */
    private Token peek(boolean asValue) {
        Token token = tokens.get(next);
        if (asValue && (token.kind == Kind.IN || token.kind == Kind.NOT_IN)) {
            return new Token(Kind.IDENTIFIER, token.text, token.position);
        }
        return token;
    }

    private Token take(boolean asValue) {
        Token token = peek(asValue);
        if (token.kind != Kind.END) {
            next++;
        }
        return token;
    }

    private StatusException error(Token found, String expected) {
        return StatusException.badRequest("unable to parse requirement: found " + found.describe() + ", " + expected
                + " at position " + found.position + " in \"" + text + "\"");
    }

    private static List<Token> lex(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < text.length() && isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length()) {
                tokens.add(new Token(Kind.END, "", i));
                return tokens;
            }
            int start = i;
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                Kind kind = switch (two) {
                    case "!=" -> Kind.NOT_EQUALS;
                    case "==" -> Kind.DOUBLE_EQUALS;
                    default -> null;
                };
                if (kind != null) {
                    tokens.add(new Token(kind, two, start));
                    i += 2;
                    continue;
                }
                tokens.add(new Token(switch (c) {
                    case '!' -> Kind.NOT;
                    case '(' -> Kind.OPEN;
                    case ')' -> Kind.CLOSE;
                    case ',' -> Kind.COMMA;
                    case '=' -> Kind.EQUALS;
                    case '>' -> Kind.GREATER;
                    default -> Kind.LESS;
                }, String.valueOf(c), start));
                i++;
                continue;
            }
            while (i < text.length() && !isWhitespace(text.charAt(i)) && SPECIAL.indexOf(text.charAt(i)) < 0) {
                i++;
            }
            String word = text.substring(start, i);
            Kind kind = switch (word) {
                case "in" -> Kind.IN;
                case "notin" -> Kind.NOT_IN;
                default -> Kind.IDENTIFIER;
            };
            tokens.add(new Token(kind, word, start));
        }
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
