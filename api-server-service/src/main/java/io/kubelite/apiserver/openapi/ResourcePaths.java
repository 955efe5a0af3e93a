package io.kubelite.apiserver.openapi;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Describes the resource paths of every kind in the OpenAPI document. One generic controller serves
 * them, so springdoc cannot see them; they are written here from {@link ResourceKind}, each with an
 * example body (from {@code openapi/examples.json}) that Swagger UI offers to try.
 */
@Component
class ResourcePaths implements OpenApiCustomizer {

    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String JSON_PATCH = "application/json-patch+json";
    private static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
    private static final String STATUS_SCHEMA = "#/components/schemas/Status";

    private final Map<String, Object> examples;

    ResourcePaths() {
        try (InputStream in = ResourcePaths.class.getResourceAsStream("/openapi/examples.json")) {
            if (in == null) {
                throw new IllegalStateException("/openapi/examples.json is missing from the classpath");
            }
            // Plain maps and lists: springdoc writes examples with its own JSON library.
            @SuppressWarnings("unchecked")
            Map<String, Object> loaded = Json.MAPPER.readValue(in, Map.class);
            this.examples = loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents()
                .addSchemas("Status", statusSchema())
                .addSchemas("Object", new ObjectSchema().description("Any JSON object").additionalProperties(true))
                .addSchemas("Scale", new ObjectSchema().additionalProperties(true)
                        .description("autoscaling/v1 Scale: spec.replicas of a Deployment or ReplicaSet"))
                .addSchemas("Binding", new ObjectSchema().additionalProperties(true)
                        .description("v1 Binding: the node (target.name) a Pod is bound to"));
        for (ResourceKind kind : ResourceKind.values()) {
            openApi.addTagsItem(new Tag().name(tag(kind))
                    .description(kind.kind() + " (" + kind.apiVersion() + (kind.namespaced() ? ", namespaced)" : ")")));
            openApi.getComponents().addSchemas(kind.kind(), new ObjectSchema()
                    .description("A " + kind.kind() + " in its Kubernetes JSON form (" + kind.apiVersion() + ")")
                    .additionalProperties(true));
            addPaths(openApi, kind);
        }
    }

    private void addPaths(OpenAPI openApi, ResourceKind kind) {
        String prefix = kind.group().isEmpty() ? "/api/v1" : "/apis/" + kind.group() + "/v1";
        String collection = prefix + (kind.namespaced() ? "/namespaces/{namespace}/" : "/") + kind.plural();
        String object = collection + "/{name}";
        List<Parameter> scope = kind.namespaced() ? List.of(pathParameter("namespace")) : List.of();
        List<Parameter> objectScope = kind.namespaced()
                ? List.of(pathParameter("namespace"), pathParameter("name"))
                : List.of(pathParameter("name"));

        openApi.path(collection, new PathItem()
                .get(list(kind, scope, kind.namespaced() ? " in a namespace" : ""))
                .post(write(kind, "create", "Create a " + kind.kind(), scope, jsonBody(kind.kind()), 201)));
        if (kind.namespaced()) {
            openApi.path(prefix + "/" + kind.plural(), new PathItem().get(list(kind, List.of(), " in every namespace")));
        }
        openApi.path(object, new PathItem()
                .get(operation(kind, "read", "Read a " + kind.kind(), objectScope, kind.kind()))
                .put(write(kind, "replace", "Replace a " + kind.kind() + " (status is kept)", objectScope,
                        jsonBody(kind.kind()), 200))
                .patch(write(kind, "patch", "Patch a " + kind.kind() + " (status is kept)", objectScope,
                        patchBody("MergePatch", "JsonPatch"), 200))
                .delete(delete(kind, objectScope)));
        if (kind != ResourceKind.EVENT) {
            openApi.path(object + "/status", new PathItem()
                    .get(operation(kind, "readStatus", "Read the status of a " + kind.kind(), objectScope, kind.kind()))
                    .put(write(kind, "replaceStatus", "Replace the status of a " + kind.kind()
                            + " (metadata and spec are kept)", objectScope, jsonBody(kind.kind()), 200))
                    .patch(write(kind, "patchStatus", "Patch the status of a " + kind.kind(), objectScope,
                            patchBody("MergePatch", "JsonPatch"), 200)));
        }
        if (kind == ResourceKind.DEPLOYMENT || kind == ResourceKind.REPLICASET) {
            openApi.path(object + "/scale", new PathItem()
                    .get(operation(kind, "readScale", "Read the scale of a " + kind.kind(), objectScope, "Scale"))
                    .put(write(kind, "replaceScale", "Set the replicas of a " + kind.kind(), objectScope,
                            jsonBody("Scale"), 200, "Scale"))
                    .patch(write(kind, "patchScale", "Patch the scale of a " + kind.kind(), objectScope,
                            patchBody("ScaleMergePatch", null), 200, "Scale")));
        }
        if (kind == ResourceKind.POD) {
            Operation bind = operation(kind, "createBinding", "Bind a Pod to a node: sets spec.nodeName and "
                    + "PodScheduled=True in one write; 409 when the pod already has a node", objectScope, "Status")
                    .requestBody(jsonBody("Binding"))
                    .addParametersItem(dryRun());
            ApiResponse ok = bind.getResponses().remove("200");
            bind.getResponses().addApiResponse("201", ok.description("Created"));
            openApi.path(object + "/binding", new PathItem().post(bind));
            openApi.path(object + "/log", new PathItem().get(readLog(kind, objectScope)));
        }
    }

    private Operation list(ResourceKind kind, List<Parameter> scope, String where) {
        Operation operation = operation(kind, "list", "List or watch " + kind.plural() + where
                + ". With watch=true the answer is a stream of newline-delimited watch events.", scope, kind.kind());
        operation.setOperationId("list" + kind.kind() + (scope.isEmpty() && kind.namespaced() ? "ForAllNamespaces" : ""));
        operation.addParametersItem(query("labelSelector", new StringSchema(), "e.g. app=nginx,tier!=db"))
                .addParametersItem(query("fieldSelector", new StringSchema(), "metadata.name, metadata.namespace, "
                        + "spec.nodeName or status.phase, e.g. status.phase=Running"))
                .addParametersItem(query("limit", new IntegerSchema(), "page size; 0 for everything"))
                .addParametersItem(query("continue", new StringSchema(), "the continue token of the previous page"))
                .addParametersItem(query("watch", new BooleanSchema(), "stream changes instead of listing"))
                .addParametersItem(query("resourceVersion", new StringSchema(),
                        "watch: the revision to follow changes from; empty or 0 starts with the current objects"))
                .addParametersItem(query("allowWatchBookmarks", new BooleanSchema(), "watch: send BOOKMARK events"))
                .addParametersItem(query("timeoutSeconds", new IntegerSchema(), "watch: end the stream after this long"));
        return operation;
    }

    private Operation readLog(ResourceKind kind, List<Parameter> scope) {
        Operation operation = operation(kind, "readLog", "Read a container's output (text/plain), fetched from "
                + "the node agent that runs the pod; with follow=true the stream stays open and shows new output "
                + "as it comes", scope, kind.kind());
        operation.getResponses().addApiResponse("200", new ApiResponse().description("The container's output")
                .content(new Content().addMediaType(TEXT, new MediaType().schema(new StringSchema()))));
        return operation
                .addParametersItem(query("container", new StringSchema(),
                        "the container to read; may be left out when the pod has only one"))
                .addParametersItem(query("tailLines", new IntegerSchema(), "only the last lines, this many"))
                .addParametersItem(query("follow", new BooleanSchema(), "keep the stream open and send new output"));
    }

    private Operation write(ResourceKind kind, String verb, String summary, List<Parameter> scope,
                            RequestBody body, int code) {
        return write(kind, verb, summary, scope, body, code, kind.kind());
    }

    private Operation write(ResourceKind kind, String verb, String summary, List<Parameter> scope,
                            RequestBody body, int code, String responseSchema) {
        Operation operation = operation(kind, verb, summary, scope, responseSchema);
        if (code != 200) {
            ApiResponse ok = operation.getResponses().remove("200");
            operation.getResponses().addApiResponse(Integer.toString(code), ok.description("Created"));
        }
        return operation.requestBody(body)
                .addParametersItem(dryRun())
                .addParametersItem(query("fieldValidation", new StringSchema()._enum(List.of("Strict", "Warn", "Ignore")),
                        "what to do with unknown fields: Strict rejects them (400), Warn (default) reports them "
                                + "in Warning headers, Ignore drops them silently"));
    }

    private Operation delete(ResourceKind kind, List<Parameter> scope) {
        return operation(kind, "delete", "Delete a " + kind.kind() + "; answers with its last state", scope, kind.kind())
                .addParametersItem(query("gracePeriodSeconds", new IntegerSchema(),
                        "seconds a pod gets to stop; 0 deletes at once"))
                .addParametersItem(query("propagationPolicy",
                        new StringSchema()._enum(List.of("Background", "Orphan", "Foreground")),
                        "what becomes of the object's dependents: Background (default) deletes them after the "
                                + "object, Foreground before it, Orphan keeps them and removes their owner reference"))
                .addParametersItem(dryRun())
                .requestBody(new RequestBody().required(false).description("DeleteOptions, with optional preconditions")
                        .content(new Content().addMediaType(JSON, media("#/components/schemas/Object", "DeleteOptions"))));
    }

    private Operation operation(ResourceKind kind, String verb, String summary, List<Parameter> parameters,
                                String responseSchema) {
        Operation operation = new Operation()
                .operationId(verb + kind.kind())
                .summary(summary)
                .addTagsItem(tag(kind))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("OK")
                                .content(new Content().addMediaType(JSON, new MediaType()
                                        .schema(new Schema<>().$ref("#/components/schemas/" + responseSchema)))))
                        .addApiResponse("default", new ApiResponse()
                                .description("Failure: a Status (400, 404, 409, 410, 413, 415, 422...)")
                                .content(new Content().addMediaType(JSON, new MediaType()
                                        .schema(new Schema<>().$ref(STATUS_SCHEMA))))));
        parameters.forEach(operation::addParametersItem);
        return operation;
    }

    private RequestBody jsonBody(String kind) {
        return new RequestBody().required(true)
                .content(new Content().addMediaType(JSON, media("#/components/schemas/" + kind, kind)));
    }

    private RequestBody patchBody(String mergeExample, String jsonPatchExample) {
        Content content = new Content()
                .addMediaType(MERGE_PATCH, media("#/components/schemas/Object", mergeExample))
                .addMediaType(STRATEGIC_MERGE_PATCH, media("#/components/schemas/Object", mergeExample));
        if (jsonPatchExample != null) {
            content.addMediaType(JSON_PATCH, new MediaType()
                    .schema(new ArraySchema().items(new ObjectSchema()))
                    .addExamples(jsonPatchExample, new Example().value(examples.get(jsonPatchExample))));
        }
        return new RequestBody().required(true).content(content);
    }

    private MediaType media(String schemaRef, String example) {
        return new MediaType().schema(new Schema<>().$ref(schemaRef))
                .addExamples(example, new Example().value(examples.get(example)));
    }

    private static Parameter dryRun() {
        return query("dryRun", new StringSchema()._enum(List.of("All")), "All: check and answer, but write nothing");
    }

    private static Parameter pathParameter(String name) {
        return new Parameter().in("path").name(name).required(true).schema(new StringSchema())
                .example(name.equals("namespace") ? "default" : null);
    }

    private static Parameter query(String name, Schema<?> schema, String description) {
        return new Parameter().in("query").name(name).required(false).schema(schema).description(description);
    }

    private static String tag(ResourceKind kind) {
        return kind.plural() + " (" + kind.apiVersion() + ")";
    }

    private static Schema<?> statusSchema() {
        return new ObjectSchema()
                .description("Kubernetes Status: what every failed call answers with")
                .addProperty("apiVersion", new StringSchema())
                .addProperty("kind", new StringSchema())
                .addProperty("status", new StringSchema())
                .addProperty("message", new StringSchema())
                .addProperty("reason", new StringSchema())
                .addProperty("details", new ObjectSchema().additionalProperties(true))
                .addProperty("code", new IntegerSchema());
    }
}
