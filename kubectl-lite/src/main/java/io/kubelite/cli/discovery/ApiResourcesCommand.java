package io.kubelite.cli.discovery;

import io.kubelite.cli.ApiCommand;
import io.kubelite.cli.api.ApiClient;
import io.kubelite.cli.print.Table;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code kubectl-lite api-resources}: the resource types the server lists in discovery ({@code /api}, {@code /apis}). */
@Command(name = "api-resources", description = "Print the supported API resources on the server.")
public final class ApiResourcesCommand extends ApiCommand {

    @Option(names = "--namespaced", arity = "1", paramLabel = "true|false",
            description = "Only namespaced resources (true) or only cluster-wide ones (false).")
    Boolean namespaced;

    @Option(names = {"-o", "--output"}, paramLabel = "wide|name", description = "wide adds the verbs; name prints names only.")
    String output;

    @Override
    protected int execute() {
        ApiClient client = session().client();
        List<String> groupVersions = new ArrayList<>();
        client.getJson("/api").path("versions").forEach(v -> groupVersions.add(v.asString("")));
        for (JsonNode group : client.getJson("/apis").path("groups")) {
            groupVersions.add(group.path("preferredVersion").path("groupVersion").asString(""));
        }
        boolean wide = "wide".equals(output);
        List<String> headers = new ArrayList<>(List.of("NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"));
        if (wide) {
            headers.add("VERBS");
        }
        Table table = new Table(headers);
        for (String groupVersion : groupVersions) {
            String path = groupVersion.contains("/") ? "/apis/" + groupVersion : "/api/" + groupVersion;
            for (JsonNode resource : client.getJson(path).path("resources")) {
                String name = resource.path("name").asString("");
                boolean isNamespaced = resource.path("namespaced").asBoolean(false);
                if (name.contains("/") || namespaced != null && namespaced != isNamespaced) {
                    continue;
                }
                if ("name".equals(output)) {
                    out().println(groupVersion.contains("/") ? name + "." + groupVersion.split("/")[0] : name);
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(name, joined(resource.path("shortNames"), ","),
                        groupVersion, Boolean.toString(isNamespaced), resource.path("kind").asString("")));
                if (wide) {
                    row.add("[" + joined(resource.path("verbs"), " ") + "]");
                }
                table.add(row);
            }
        }
        if (!"name".equals(output)) {
            table.print(out(), true);
        }
        return 0;
    }

    private static String joined(JsonNode values, String separator) {
        List<String> texts = new ArrayList<>();
        values.forEach(v -> texts.add(v.asString("")));
        return String.join(separator, texts);
    }
}
