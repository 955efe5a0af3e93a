import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the values of a kube-lite release for deploy/kube-lite (run as a single source file, no build:
 * {@code java deploy/ReleaseValues.java DEFAULTS [-f FILE]... [--set KEY=VALUE]... [--out FILE]}).
 *
 * <p>Starts from DEFAULTS (deploy/values.yaml), applies each {@code -f} file and then each {@code --set} in
 * order, checks the result, prints it as {@code key=value} lines (dotted keys, for the shell) and, with
 * {@code --out}, writes it as YAML. Every key must exist in DEFAULTS, so a misspelt key is an error, not a
 * silently ignored setting.
 *
 * <p>It reads the YAML that values files need: nested maps of scalars, two-space indentation, comments, plain or
 * quoted strings. Lists, anchors and multi-line strings are refused with the line that holds them.
 */
public final class ReleaseValues {

    private static final Set<String> RUNTIMES = Set.of("docker", "simulated");

    public static void main(String[] args) {
        try {
            System.out.print(run(args));
        } catch (ValuesException e) {
            System.err.println("kube-lite: " + e.getMessage());
            System.exit(1);
        }
    }

    static String run(String[] args) {
        if (args.length == 0) {
            throw new ValuesException("usage: ReleaseValues DEFAULTS [-f FILE]... [--set KEY=VALUE]... [--out FILE]");
        }
        Map<String, String> values = parse(Path.of(args[0]));
        Path out = null;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (i + 1 == args.length) {
                throw new ValuesException(option + " needs an argument");
            }
            String argument = args[++i];
            switch (option) {
                case "-f", "--values" -> parse(Path.of(argument)).forEach((key, value) -> set(values, key, value, argument));
                case "--set" -> {
                    int equals = argument.indexOf('=');
                    if (equals < 1) {
                        throw new ValuesException("--set needs KEY=VALUE, not '" + argument + "'");
                    }
                    set(values, argument.substring(0, equals), argument.substring(equals + 1), "--set");
                }
                case "--out" -> out = Path.of(argument);
                default -> throw new ValuesException("unknown option " + option);
            }
        }
        check(values);
        if (out != null) {
            write(out, toYaml(values));
        }
        StringBuilder flat = new StringBuilder();
        values.forEach((key, value) -> flat.append(key).append('=').append(value).append('\n'));
        return flat.toString();
    }

    private static void set(Map<String, String> values, String key, String value, String source) {
        String current = values.get(key);
        if (current == null) {
            throw new ValuesException("unknown value '" + key + "' (" + source + "); deploy/values.yaml lists them all");
        }
        if (isInteger(current) && !isInteger(value)) {
            throw new ValuesException(key + " must be a whole number, not '" + value + "' (" + source + ")");
        }
        values.put(key, value);
    }

    /** Rules across values, so that a release never starts half-way and then fails. */
    private static void check(Map<String, String> values) {
        String runtime = values.get("nodeAgents.runtime");
        if (!RUNTIMES.contains(runtime)) {
            throw new ValuesException("nodeAgents.runtime must be docker or simulated, not '" + runtime + "'");
        }
        if (!"simulated".equals(runtime) && number(values, "nodeAgents.nodesPerAgent") != 1) {
            throw new ValuesException("nodeAgents.nodesPerAgent above 1 needs nodeAgents.runtime=simulated:"
                    + " a docker agent runs one node");
        }
        List<PortRange> ranges = new ArrayList<>();
        for (String component : List.of("apiServer", "scheduler", "controllerManager", "nodeAgents")) {
            String count = component.equals("nodeAgents") ? "count" : "replicas";
            int instances = number(values, component + "." + count);
            int minimum = component.equals("apiServer") ? 1 : 0;
            if (instances < minimum) {
                throw new ValuesException(component + "." + count + " must be at least " + minimum);
            }
            int port = number(values, component + ".port");
            if (port < 1 || port + instances - 1 > 65535) {
                throw new ValuesException(component + ".port " + port + " leaves no room for " + instances + " instances");
            }
            PortRange range = new PortRange(component, port, port + Math.max(instances, 1) - 1);
            for (PortRange other : ranges) {
                if (range.overlaps(other)) {
                    throw new ValuesException(range + " overlap " + other + ": instance i of a component listens on"
                            + " its port + i - 1, so move one of the ports");
                }
            }
            ranges.add(range);
        }
        if (number(values, "nodeAgents.nodesPerAgent") < 1) {
            throw new ValuesException("nodeAgents.nodesPerAgent must be at least 1");
        }
    }

    private record PortRange(String component, int first, int last) {
        boolean overlaps(PortRange other) {
            return first <= other.last && other.first <= last;
        }

        @Override
        public String toString() {
            return component + " ports " + (first == last ? first : first + "-" + last);
        }
    }

    private static int number(Map<String, String> values, String key) {
        return Integer.parseInt(values.get(key));
    }

    private static boolean isInteger(String value) {
        return value.matches("-?[0-9]+");
    }

    // --- reading: nested maps of scalars, flattened to dotted keys in file order ---

    static Map<String, String> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ValuesException("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> path = new ArrayList<>();
        List<Integer> indents = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String where = file + " line " + (n + 1);
            String line = stripComment(lines.get(n), where);
            if (line.isBlank() || line.strip().equals("---")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String entry = line.strip();
            if (entry.startsWith("- ") || entry.equals("-") || line.contains("\t")) {
                throw new ValuesException(where + ": lists and tabs are not supported; write key: value pairs");
            }
            int colon = entry.indexOf(':');
            if (colon < 1 || (colon + 1 < entry.length() && entry.charAt(colon + 1) != ' ')) {
                throw new ValuesException(where + ": expected 'key: value', found '" + entry + "'");
            }
            while (!indents.isEmpty() && indent <= indents.get(indents.size() - 1)) {
                indents.remove(indents.size() - 1);
                path.remove(path.size() - 1);
            }
            String key = entry.substring(0, colon).strip();
            String rest = entry.substring(colon + 1).strip();
            if (rest.isEmpty()) {
                indents.add(indent);
                path.add(key);
            } else {
                String prefix = path.isEmpty() ? "" : String.join(".", path) + ".";
                values.put(prefix + key, scalar(rest, where));
            }
        }
        return values;
    }

    private static String stripComment(String line, String where) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        if (quote != 0) {
            throw new ValuesException(where + ": unterminated quote");
        }
        return line;
    }

    private static String scalar(String text, String where) {
        if (text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2) {
            return text.substring(1, text.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (text.startsWith("'") && text.endsWith("'") && text.length() >= 2) {
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        if (text.startsWith("[") || text.startsWith("{") || text.startsWith("&") || text.startsWith("*")
                || text.startsWith("|") || text.startsWith(">")) {
            throw new ValuesException(where + ": only plain or quoted values are supported, not '" + text + "'");
        }
        return text;
    }

    // --- writing: the resolved values as nested YAML, every string quoted ---

    static String toYaml(Map<String, String> values) {
        StringBuilder yaml = new StringBuilder("# resolved values of this release (deploy/kube-lite); upgrade starts from them\n");
        List<String> open = List.of();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            List<String> parts = List.of(entry.getKey().split("\\."));
            List<String> parents = parts.subList(0, parts.size() - 1);
            int common = 0;
            while (common < open.size() && common < parents.size() && open.get(common).equals(parents.get(common))) {
                common++;
            }
            for (int depth = common; depth < parents.size(); depth++) {
                yaml.append("  ".repeat(depth)).append(parents.get(depth)).append(":\n");
            }
            String value = entry.getValue();
            yaml.append("  ".repeat(parents.size())).append(parts.get(parts.size() - 1)).append(": ")
                    .append(isInteger(value) ? value : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                    .append('\n');
            open = parents;
        }
        return yaml.toString();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new ValuesException("cannot write " + file + ": " + e.getMessage());
        }
    }

    static final class ValuesException extends RuntimeException {
        ValuesException(String message) {
            super(message);
        }
    }
}
