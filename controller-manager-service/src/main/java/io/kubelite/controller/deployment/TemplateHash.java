package io.kubelite.controller.deployment;

import io.kubelite.model.Json;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code pod-template-hash} of a pod template, as Kubernetes' {@code controller.ComputeHash}: FNV-32a over the
 * template (here its JSON with keys sorted, so that every instance and every restart computes the same hash) and the
 * deployment's collision count, the number written in decimal and each digit mapped to a consonant or digit that
 * cannot spell words ({@code rand.SafeEncodeString}), as in {@code web-7d9f8b6c5}.
 */
final class TemplateHash {

    private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";
    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    private TemplateHash() { }

    static String of(JsonNode template, Integer collisionCount) {
        int hash = FNV_OFFSET;
        hash = fnv(hash, Json.MAPPER.writeValueAsString(canonical(template)).getBytes(StandardCharsets.UTF_8));
        if (collisionCount != null) {
            hash = fnv(hash, Integer.toString(collisionCount).getBytes(StandardCharsets.UTF_8));
        }
        String digits = Integer.toUnsignedString(hash);
        StringBuilder safe = new StringBuilder(digits.length());
        for (char digit : digits.toCharArray()) {
            safe.append(ALPHANUMS.charAt(digit % ALPHANUMS.length()));
        }
        return safe.toString();
    }

    private static int fnv(int hash, byte[] bytes) {
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** A copy with every object's keys in sorted order. */
    static JsonNode canonical(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode sorted = Json.MAPPER.createObjectNode();
            for (String name : new TreeSet<>(object.propertyNames())) {
                sorted.set(name, canonical(object.get(name)));
            }
            return sorted;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            array.values().forEach(item -> copy.add(canonical(item)));
            return copy;
        }
        return node;
    }
}
