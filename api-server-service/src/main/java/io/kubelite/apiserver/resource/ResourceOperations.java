package io.kubelite.apiserver.resource;

import io.kubelite.apiserver.config.ApiServerProperties;
import io.kubelite.apiserver.patch.PatchType;
import io.kubelite.apiserver.scale.Scales;
import io.kubelite.apiserver.web.JsonResponses;
import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.Status;
import io.kubelite.model.StatusException;
import io.kubelite.store.Binding;
import io.kubelite.store.DeleteOptions;
import io.kubelite.store.ListOptions;
import io.kubelite.store.ObjectList;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The verbs of the API on the store, with Kubernetes' rules for what the path and the body must
 * agree on. Server-set fields, defaulting, validation and concurrency are the store's.
 */
@Component
class ResourceOperations {

    private final ObjectStore store;
    private final FieldValidation fieldValidation;
    private final int patchAttempts;

    ResourceOperations(ObjectStore store, FieldValidation fieldValidation, ApiServerProperties properties) {
        this.store = store;
        this.fieldValidation = fieldValidation;
        this.patchAttempts = Math.max(1, properties.patchRetries());
    }

    ResponseEntity<byte[]> get(ApiPath path) {
        ObjectNode object = store.get(path.kind(), path.namespace(), path.name());
        return JsonResponses.ok(ApiPath.SCALE.equals(path.subresource())
                ? Scales.toScale(object)
                : TypeMeta.withTypeMeta(path.kind(), object));
    }

    ResponseEntity<byte[]> list(ResourceKind kind, ListOptions options) {
        ObjectList list = store.list(kind, options);
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("apiVersion", kind.apiVersion());
        body.put("kind", kind.kind() + "List");
        ObjectNode metadata = body.putObject("metadata");
        metadata.put("resourceVersion", Long.toString(list.resourceVersion()));
        if (list.continueToken() != null) {
            metadata.put("continue", list.continueToken());
        }
        if (list.remainingItemCount() != null) {
            metadata.put("remainingItemCount", list.remainingItemCount());
        }
        ArrayNode items = body.putArray("items");
        list.items().forEach(item -> items.add(TypeMeta.withTypeMeta(kind, item)));
        return JsonResponses.ok(body);
    }

    ResponseEntity<byte[]> create(ApiPath path, ObjectNode body, ApiQuery query) {
        List<String> warnings = fieldValidation.check(path.kind(), body, query.fieldValidation());
        TypeMeta.requireMatching(path.kind(), body);
        placeInNamespace(path, body);
        ObjectNode created = store.create(path.kind(), body, writeOptions(query));
        return respond(201, TypeMeta.withTypeMeta(path.kind(), created), warnings);
    }

    ResponseEntity<byte[]> replace(ApiPath path, ObjectNode body, ApiQuery query) {
        if (ApiPath.SCALE.equals(path.subresource())) {
            TypeMeta.requireMatching(Scales.API_VERSION, Scales.KIND, body);
            return writeScale(path, query, current -> body);
        }
        List<String> warnings = fieldValidation.check(path.kind(), body, query.fieldValidation());
        TypeMeta.requireMatching(path.kind(), body);
        requireSameObject(path, body);
        return respond(200, TypeMeta.withTypeMeta(path.kind(), write(path, body, writeOptions(query))), warnings);
    }

    /**
     * Applies the patch to the current object and writes it. Unless the patch names a
     * resourceVersion, a conflict with a concurrent writer is retried on the new state.
     */
    ResponseEntity<byte[]> patch(ApiPath path, PatchType type, JsonNode patch, ApiQuery query) {
        if (ApiPath.SCALE.equals(path.subresource())) {
            return writeScale(path, query, current -> patchedObject(type, current, patch));
        }
        FieldValidation.Mode mode = query.fieldValidation();
        AtomicReference<List<String>> warnings = new AtomicReference<>(List.of());
        ObjectNode written = readModifyWrite(path, writeOptions(query), current -> {
            ObjectNode patched = patchedObject(type, current, patch);
            warnings.set(fieldValidation.check(path.kind(), patched, mode));
            TypeMeta.requireMatching(path.kind(), patched);
            requireSameObject(path, patched);
            return patched;
        });
        return respond(200, TypeMeta.withTypeMeta(path.kind(), written), warnings.get());
    }

    /**
     * POST pods/{name}/binding: a v1 Binding whose target names the node. Its metadata's uid and
     * resourceVersion, when given, are preconditions on the pod. Answers 201 with a Success Status; with
     * dryRun=All after every check, writing nothing.
     */
    ResponseEntity<byte[]> bind(ApiPath path, ObjectNode body, ApiQuery query) {
        TypeMeta.requireMatching("v1", "Binding", body);
        String name = ObjectFields.name(body);
        if (!name.isEmpty() && !name.equals(path.name())) {
            throw StatusException.badRequest("the name of the object (" + name
                    + ") does not match the name on the URL (" + path.name() + ")");
        }
        JsonNode target = body.path("target");
        String targetKind = target.path("kind").asString("");
        if (!targetKind.isEmpty() && !targetKind.equals("Node")) {
            throw StatusException.invalid(ResourceKind.POD, path.name(),
                    List.of(Status.Cause.notSupported("target.kind", targetKind, List.of("Node"))));
        }
        JsonNode metadata = body.path("metadata");
        Binding binding = new Binding(path.namespace(), path.name(), textOrNull(metadata.path("uid")),
                textOrNull(metadata.path("resourceVersion")), target.path("name").asString(""));
        store.bind(binding, writeOptions(query));
        return JsonResponses.status(new Status("v1", "Status", Map.of(), Status.SUCCESS, null, null, null, 201));
    }

    private static String textOrNull(JsonNode field) {
        String text = field.asString("");
        return text.isEmpty() ? null : text;
    }

    ResponseEntity<byte[]> delete(ApiPath path, byte[] body, ApiQuery query) {
        DeleteOptions options = DeleteOptionsBody.parse(body, query);
        ObjectNode deleted = store.delete(path.kind(), path.namespace(), path.name(), options);
        return JsonResponses.ok(TypeMeta.withTypeMeta(path.kind(), deleted));
    }

    /** Sets spec.replicas of a Deployment or ReplicaSet from the Scale the change makes of the current one. */
    private ResponseEntity<byte[]> writeScale(ApiPath path, ApiQuery query, UnaryOperator<ObjectNode> change) {
        ObjectNode written = readModifyWrite(path, writeOptions(query), current -> {
            ObjectNode currentScale = Scales.toScale(current);
            ObjectNode desired = change.apply(currentScale);
            TypeMeta.requireMatching(Scales.API_VERSION, Scales.KIND, desired);
            requireSameObject(path, desired);
            int replicas = Scales.desiredReplicas(path.kind(), path.name(), desired);
            ObjectNode updated = current.deepCopy();
            String resourceVersion = ObjectFields.resourceVersion(desired);
            if (!resourceVersion.isEmpty()) {
                ObjectFields.metadata(updated).put("resourceVersion", resourceVersion);
            }
            ObjectNode spec = updated.get("spec") instanceof ObjectNode s ? s : updated.putObject("spec");
            spec.put("replicas", replicas);
            return updated;
        });
        return JsonResponses.ok(Scales.toScale(written));
    }

    private ObjectNode readModifyWrite(ApiPath path, WriteOptions options, UnaryOperator<ObjectNode> change) {
        for (int attempt = 1; ; attempt++) {
            ObjectNode current = store.get(path.kind(), path.namespace(), path.name());
            String readVersion = ObjectFields.resourceVersion(current);
            ObjectNode desired = change.apply(current);
            String desiredVersion = ObjectFields.resourceVersion(desired);
            if (desiredVersion.isEmpty()) {
                ObjectFields.metadata(desired).put("resourceVersion", readVersion);
            }
            boolean retryable = desiredVersion.isEmpty() || desiredVersion.equals(readVersion);
            try {
                return write(path, desired, options);
            } catch (StatusException e) {
                if (!retryable || attempt >= patchAttempts || !"Conflict".equals(e.reason())) {
                    throw e;
                }
            }
        }
    }

    private ObjectNode write(ApiPath path, ObjectNode object, WriteOptions options) {
        return ApiPath.STATUS.equals(path.subresource())
                ? store.updateStatus(path.kind(), object, options)
                : store.update(path.kind(), object, options);
    }

    private static ObjectNode patchedObject(PatchType type, ObjectNode current, JsonNode patch) {
        if (type == PatchType.MERGE && !patch.isObject()) {
            throw StatusException.badRequest("a merge patch must be a JSON object");
        }
        if (!(type.apply(current, patch) instanceof ObjectNode patched)) {
            throw StatusException.badRequest("the patch does not leave an object");
        }
        return patched;
    }

    /** POST: the body's namespace must be the path's or empty; cluster-scoped kinds have none. */
    private static void placeInNamespace(ApiPath path, ObjectNode body) {
        ObjectNode metadata = ObjectFields.metadata(body);
        if (!path.kind().namespaced()) {
            metadata.remove("namespace");
            return;
        }
        String given = ObjectFields.namespace(body);
        if (!given.isEmpty() && !given.equals(path.namespace())) {
            throw StatusException.badRequest("the namespace of the provided object (" + given
                    + ") does not match the namespace sent on the request (" + path.namespace() + ")");
        }
        metadata.put("namespace", path.namespace());
    }

    /** PUT and PATCH: the body names the object of the path (or leaves the name to it). */
    private static void requireSameObject(ApiPath path, ObjectNode body) {
        String name = ObjectFields.name(body);
        if (!name.isEmpty() && !name.equals(path.name())) {
            throw StatusException.badRequest("the name of the object (" + name
                    + ") does not match the name on the URL (" + path.name() + ")");
        }
        ObjectFields.metadata(body).put("name", path.name());
        placeInNamespace(path, body);
    }

    private static WriteOptions writeOptions(ApiQuery query) {
        return query.dryRun() ? WriteOptions.DRY_RUN : WriteOptions.NONE;
    }

    private static ResponseEntity<byte[]> respond(int code, ObjectNode body, List<String> warnings) {
        ResponseEntity<byte[]> response = JsonResponses.json(code, body);
        if (warnings.isEmpty()) {
            return response;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        warnings.forEach(w -> headers.add(HttpHeaders.WARNING, "299 - \"" + w.replace("\"", "\\\"") + "\""));
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }
}
