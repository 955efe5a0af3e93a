package io.kubelite.cli.print;

import io.kubelite.cli.UsageException;

/** What {@code -o} asks for: a table (the default), a wide table, JSON, YAML or {@code kind/name} lines. */
public enum OutputFormat {
    TABLE, WIDE, JSON, YAML, NAME;

    /** The format for an {@code -o} value; null or empty is the table. */
    public static OutputFormat parse(String value) {
        if (value == null || value.isEmpty()) {
            return TABLE;
        }
        return switch (value) {
            case "wide" -> WIDE;
            case "json" -> JSON;
            case "yaml" -> YAML;
            case "name" -> NAME;
            default -> throw new UsageException("unable to match a printer suitable for the output format \"" + value
                    + "\", allowed formats are: json,name,wide,yaml");
        };
    }

    public boolean isTable() {
        return this == TABLE || this == WIDE;
    }
}
