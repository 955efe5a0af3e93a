package io.kubelite.apiserver.resource;

import io.kubelite.model.StatusException;
import io.kubelite.model.selector.FieldSelector;
import io.kubelite.model.selector.LabelSelector;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query parameters of an API call, each parsed and checked; a bad value is a 400. They are read
 * from the query string alone: the servlet's parameter map would consume a form-encoded body.
 */
public final class ApiQuery {

    private final Map<String, List<String>> parameters;

    private ApiQuery(Map<String, List<String>> parameters) {
        this.parameters = parameters;
    }

    /** Parses a raw (still percent-encoded) query string; null means no parameters. */
    public static ApiQuery parse(String queryString) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (queryString != null) {
            for (String pair : queryString.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return new ApiQuery(parameters);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw StatusException.badRequest("malformed query string: " + e.getMessage());
        }
    }

    public String value(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private String nonEmpty(String name) {
        String value = value(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public LabelSelector labelSelector() {
        String text = nonEmpty("labelSelector");
        return text == null ? null : LabelSelector.parse(text);
    }

    public FieldSelector fieldSelector() {
        String text = nonEmpty("fieldSelector");
        return text == null ? null : FieldSelector.parse(text);
    }

    public int limit() {
        Long limit = nonNegativeLong("limit");
        return limit == null ? 0 : (int) Math.min(limit, Integer.MAX_VALUE);
    }

    public String continueToken() {
        return nonEmpty("continue");
    }

    public boolean watch() {
        return bool("watch");
    }

    public boolean allowWatchBookmarks() {
        return bool("allowWatchBookmarks");
    }

    /** The revision to watch from; null when absent or "0", meaning: start with the current state. */
    public Long resourceVersion() {
        String text = nonEmpty("resourceVersion");
        if (text == null || text.equals("0")) {
            return null;
        }
        return parseNonNegative("resourceVersion", text);
    }

    public Long timeoutSeconds() {
        return nonNegativeLong("timeoutSeconds");
    }

    /** pods/log: the container whose output to read; null when not named. */
    public String container() {
        return nonEmpty("container");
    }

    /** pods/log: how many of the last lines to read; null for all. */
    public Long tailLines() {
        return nonNegativeLong("tailLines");
    }

    /** pods/log: keep the stream open and send new output as it comes. */
    public boolean follow() {
        return bool("follow");
    }

    public Long gracePeriodSeconds() {
        return nonNegativeLong("gracePeriodSeconds");
    }

    /** True for {@code dryRun=All}; any other value is rejected, as Kubernetes does. */
    public boolean dryRun() {
        List<String> values = parameters.get("dryRun");
        if (values == null) {
            return false;
        }
        for (String value : values) {
            if (!value.equals("All")) {
                throw StatusException.badRequest("Invalid dry run value: \"" + value + "\"; the only supported value is All");
            }
        }
        return true;
    }

    public FieldValidation.Mode fieldValidation() {
        String text = nonEmpty("fieldValidation");
        if (text == null) {
            return FieldValidation.Mode.WARN;
        }
        return Arrays.stream(FieldValidation.Mode.values())
                .filter(v -> v.name().equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> StatusException.badRequest("Invalid fieldValidation value: \"" + text
                        + "\"; supported values: Ignore, Warn, Strict"));
    }

    /** A boolean parameter: true or 1, false or 0; absent or empty is false; anything else a 400. */
    public boolean bool(String name) {
        String text = value(name);
        if (text == null || text.isEmpty()) {
            return false;
        }
        return switch (text) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw StatusException.badRequest("Invalid value for " + name + ": \"" + text + "\"; expected true or false");
        };
    }

    private Long nonNegativeLong(String name) {
        String text = nonEmpty(name);
        return text == null ? null : parseNonNegative(name, text);
    }

    private static long parseNonNegative(String name, String text) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like a negative value
        }
        throw StatusException.badRequest("Invalid value for " + name + ": \"" + text + "\"; expected a non-negative integer");
    }
}
