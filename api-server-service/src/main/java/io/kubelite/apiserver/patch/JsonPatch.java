package io.kubelite.apiserver.patch;

import io.kubelite.model.Status;
import io.kubelite.model.StatusException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON patch (RFC 6902): add, remove, replace, move, copy and test, applied in order. */
public final class JsonPatch {

    private JsonPatch() { }

    /**
     * The patched document; the target is not changed. A malformed patch is a 400; an operation
     * that cannot apply (missing path, failed test) is a 422, and nothing is changed.
     */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isArray()) {
            throw StatusException.badRequest("a JSON patch must be an array of operations");
        }
        JsonNode document = target.deepCopy();
        for (JsonNode operation : patch) {
            document = applyOne(document, operation);
        }
        return document;
    }

    private static JsonNode applyOne(JsonNode document, JsonNode operation) {
        if (!operation.isObject()) {
            throw StatusException.badRequest("a JSON patch operation must be an object");
        }
        String op = required(operation, "op").stringValue();
        JsonPointer path = pointer(required(operation, "path").stringValue());
        return switch (op) {
            case "add" -> add(document, path, required(operation, "value").deepCopy());
            case "remove" -> remove(document, path);
            case "replace" -> add(remove(document, path), path, required(operation, "value").deepCopy());
            case "move" -> {
                JsonPointer from = pointer(required(operation, "from").stringValue());
                JsonNode value = existing(document, from);
                yield add(remove(document, from), path, value);
            }
            case "copy" -> add(document, path, existing(document,
                    pointer(required(operation, "from").stringValue())).deepCopy());
            case "test" -> {
                if (!existing(document, path).equals(required(operation, "value"))) {
                    throw cannotApply("test failed: the value at " + path + " is not the expected one");
                }
                yield document;
            }
            default -> throw StatusException.badRequest("unknown JSON patch operation \"" + op + "\"");
        };
    }

    private static JsonNode add(JsonNode document, JsonPointer path, JsonNode value) {
        if (path.matches()) {
            return value;
        }
        JsonNode parent = existing(document, path.head());
        String token = path.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.set(token, value);
        } else if (parent instanceof ArrayNode array) {
            int index = token.equals("-") ? array.size() : index(token, array.size());
            array.insert(index, value);
        } else {
            throw cannotApply("the parent of " + path + " is not an object or array");
        }
        return document;
    }

    private static JsonNode remove(JsonNode document, JsonPointer path) {
        if (path.matches()) {
            throw cannotApply("the whole document cannot be removed");
        }
        existing(document, path);
        JsonNode parent = document.at(path.head());
        String token = path.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.remove(token);
        } else {
            ((ArrayNode) parent).remove(index(token, parent.size() - 1));
        }
        return document;
    }

    private static JsonNode existing(JsonNode document, JsonPointer path) {
        JsonNode node = document.at(path);
        if (node.isMissingNode()) {
            throw cannotApply("the path " + path + " does not exist");
        }
        return node;
    }

    private static int index(String token, int max) {
        try {
            int index = Integer.parseInt(token);
            if (index >= 0 && index <= max) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below, like an index out of range
        }
        throw cannotApply("array index \"" + token + "\" is out of range");
    }

    private static JsonNode required(JsonNode operation, String field) {
        JsonNode value = operation.get(field);
        if (value == null || (!field.equals("value") && !value.isString())) {
            throw StatusException.badRequest("a JSON patch operation needs a \"" + field + "\"");
        }
        return value;
    }

    private static JsonPointer pointer(String text) {
        try {
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            throw StatusException.badRequest("invalid JSON pointer \"" + text + "\"");
        }
    }

    private static StatusException cannotApply(String message) {
        return new StatusException(Status.failure(422, "Invalid", "the JSON patch cannot be applied: " + message, null));
    }
}
