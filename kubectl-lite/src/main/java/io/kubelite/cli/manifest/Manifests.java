package io.kubelite.cli.manifest;

import io.kubelite.cli.UsageException;
import io.kubelite.model.ResourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The objects of {@code -f} arguments: files, directories (their {@code .yaml}, {@code .yml} and {@code .json} files,
 * in name order) or {@code -} for standard input; each file YAML with any number of documents, or JSON (a subset of
 * YAML). A {@code kind: List} stands for its items.
 */
public final class Manifests {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** One object to send, its kind, and where it was read from (for messages). */
    public record Manifest(ResourceKind kind, JsonNode object, String source) {
    }

    private Manifests() { }

    public static List<Manifest> read(List<String> arguments, InputStream stdin) {
        if (arguments == null || arguments.isEmpty()) {
            throw new UsageException("must specify one of -f and -k");
        }
        List<Manifest> manifests = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals("-")) {
                manifests.addAll(parse(readAll(stdin), "STDIN"));
                continue;
            }
            for (Path file : files(Path.of(argument))) {
                manifests.addAll(parse(readString(file), file.toString()));
            }
        }
        return manifests;
    }

    /** Every object of a YAML or JSON text. */
    public static List<Manifest> parse(String text, String source) {
        List<Manifest> manifests = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (documents.hasNextValue()) {
                add(documents.nextValue(), source, manifests);
            }
        } catch (JacksonException e) {
            throw new UsageException("error parsing " + source + ": " + e.getOriginalMessage());
        }
        return manifests;
    }

    private static void add(JsonNode document, String source, List<Manifest> manifests) {
        if (document == null || document.isNull() || document.isMissingNode() || document.isEmpty()) {
            return;
        }
        String kind = document.path("kind").asString("");
        if (kind.equals("List") || kind.endsWith("List") && document.has("items")) {
            document.path("items").forEach(item -> add(item, source, manifests));
            return;
        }
        String apiVersion = document.path("apiVersion").asString("");
        if (kind.isEmpty() || apiVersion.isEmpty()) {
            throw new UsageException("error validating data from " + source + ": "
                    + (apiVersion.isEmpty() ? "apiVersion not set" : "kind not set"));
        }
        ResourceKind resourceKind = Arrays.stream(ResourceKind.values())
                .filter(k -> k.kind().equals(kind) && k.apiVersion().equals(apiVersion))
                .findFirst()
                .orElseThrow(() -> new UsageException("resource mapping not found for name: \""
                        + document.path("metadata").path("name").asString("") + "\" from \"" + source
                        + "\": no matches for kind \"" + kind + "\" in version \"" + apiVersion + "\""));
        manifests.add(new Manifest(resourceKind, document, source));
    }

    private static List<Path> files(Path path) {
        if (!Files.exists(path)) {
            throw new UsageException("the path \"" + path + "\" does not exist");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(yaml|yml|json)$"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
