package io.kubelite.cli.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A list's or watch's selectors; null where not given. */
public record ListOptions(String labelSelector, String fieldSelector) {

    public static final ListOptions ALL = new ListOptions(null, null);

    /** The query parameters these options add, plus the given extra ones. */
    String query(Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (labelSelector != null && !labelSelector.isEmpty()) {
            parameters.put("labelSelector", labelSelector);
        }
        if (fieldSelector != null && !fieldSelector.isEmpty()) {
            parameters.put("fieldSelector", fieldSelector);
        }
        parameters.putAll(extra);
        return encode(parameters);
    }

    static String encode(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
