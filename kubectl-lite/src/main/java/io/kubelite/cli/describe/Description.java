package io.kubelite.cli.describe;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A describe page being written: {@code Label:  value} lines whose values line up within each indentation level,
 * sub-sections indented by two spaces, and small tables, as {@code kubectl describe} lays them out.
 */
final class Description {

    private static final String NONE = "<none>";

    /** A label and value, or (with no label) a value alone; continuation lines line up with the values above. */
    private record Line(int level, String label, String value, boolean alone) {
        Line(int level, String label, String value) {
            this(level, label, value, false);
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private int level;

    Description field(String label, String value) {
        lines.add(new Line(level, label + ":", value == null || value.isEmpty() ? NONE : value));
        return this;
    }

    /** A map such as labels: the first entry beside the label, each other on its own line beneath. */
    Description map(String label, JsonNode map) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            pairs.add(entry.getKey() + "=" + entry.getValue().asString(""));
        }
        return list(label, pairs);
    }

    /** Values one per line, the first beside the label. */
    Description list(String label, List<String> values) {
        if (values.isEmpty()) {
            return field(label, NONE);
        }
        field(label, values.get(0));
        values.subList(1, values.size()).forEach(value -> lines.add(new Line(level, "", value)));
        return this;
    }

    /** A heading whose fields follow one level deeper, until {@link #end()}; an empty label only indents. */
    Description section(String label) {
        if (!label.isEmpty()) {
            lines.add(new Line(level, label + ":", ""));
        }
        level++;
        return this;
    }

    Description end() {
        level--;
        return this;
    }

    /** A table one level deeper, with kubectl's dashes under its headers. */
    Description table(String label, List<String> headers, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return field(label, NONE);
        }
        lines.add(new Line(level, label + ":", ""));
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.add(headers.stream().map(h -> "-".repeat(h.length())).toList());
        all.addAll(rows);
        int[] widths = new int[headers.size()];
        all.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : all) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                text.append(row.get(i));
                if (i < row.size() - 1) {
                    text.append(" ".repeat(widths[i] - row.get(i).length() + 2));
                }
            }
            lines.add(new Line(level + 1, "", text.toString(), true));
        }
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[16];
        for (Line line : lines) {
            widths[line.level()] = Math.max(widths[line.level()], line.label().length());
        }
        for (Line line : lines) {
            String indent = "  ".repeat(line.level());
            if (line.value().isEmpty()) {
                out.println((indent + line.label()).stripTrailing());
            } else if (line.alone()) {
                out.println(indent + line.value());
            } else {
                out.println(indent + line.label() + " ".repeat(widths[line.level()] - line.label().length() + 2)
                        + line.value());
            }
        }
    }
}
