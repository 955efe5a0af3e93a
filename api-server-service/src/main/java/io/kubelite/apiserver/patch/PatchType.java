package io.kubelite.apiserver.patch;

import io.kubelite.model.StatusException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The patch formats the API accepts, by request Content-Type. */
public enum PatchType {
    /** RFC 7386. A strategic merge patch is applied as a merge patch: lists are replaced whole. */
    MERGE,
    /** RFC 6902. */
    JSON_PATCH;

    public static PatchType fromContentType(String contentType) {
        MediaType type = parse(contentType);
        String subtype = type == null ? "" : type.getType() + "/" + type.getSubtype();
        return switch (subtype) {
            case "application/merge-patch+json", "application/strategic-merge-patch+json" -> MERGE;
            case "application/json-patch+json" -> JSON_PATCH;
            default -> throw StatusException.unsupportedMediaType("the body of the request was in an unknown format - "
                    + "accepted media types include: application/json-patch+json, application/merge-patch+json, "
                    + "application/strategic-merge-patch+json");
        };
    }

    public JsonNode apply(JsonNode target, JsonNode patch) {
        return switch (this) {
            case MERGE -> MergePatch.apply(target, patch);
            case JSON_PATCH -> JsonPatch.apply(target, patch);
        };
    }

    private static MediaType parse(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }
}
