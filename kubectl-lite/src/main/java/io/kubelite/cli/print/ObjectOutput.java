package io.kubelite.cli.print;

import io.kubelite.cli.ResourceTypes;
import io.kubelite.model.ResourceKind;
import java.util.List;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** Objects written whole, as {@code -o json}, {@code -o yaml} and {@code -o name} write them. */
public final class ObjectOutput {

    /** Four-space indents and {@code "key": value}, as kubectl writes JSON. */
    private static final DefaultPrettyPrinter KUBECTL_JSON = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n"));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private ObjectOutput() { }

    public static String json(JsonNode object) {
        return JSON.writer().with(KUBECTL_JSON).writeValueAsString(object);
    }

    public static String yaml(JsonNode object) {
        return YAML.writeValueAsString(object);
    }

    /** {@code pod/web}, {@code deployment.apps/web}. */
    public static String name(ResourceKind kind, JsonNode object) {
        return ResourceTypes.qualified(kind) + "/" + Fields.name(object);
    }

    /** Several objects as kubectl lists them: a {@code v1 List}, each item with its apiVersion and kind. */
    public static ObjectNode list(List<JsonNode> items) {
        ObjectNode list = JSON.createObjectNode();
        list.put("apiVersion", "v1");
        items.forEach(list.putArray("items")::add);
        list.put("kind", "List");
        list.putObject("metadata").put("resourceVersion", "");
        return list;
    }

    /** The object with apiVersion and kind first, as a list's items lack them. */
    public static ObjectNode typed(ResourceKind kind, JsonNode object) {
        ObjectNode typed = JSON.createObjectNode();
        typed.put("apiVersion", kind.apiVersion());
        typed.put("kind", kind.kind());
        typed.setAll((ObjectNode) object);
        return typed;
    }
}
