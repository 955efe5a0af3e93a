package io.kubelite.apiserver.resource;

import io.kubelite.apiserver.logs.PodLogOptions;
import io.kubelite.apiserver.logs.PodLogs;
import io.kubelite.apiserver.metrics.RequestInfo;
import io.kubelite.apiserver.patch.PatchType;
import io.kubelite.apiserver.watch.WatchRequest;
import io.kubelite.apiserver.watch.WatchStreams;
import io.kubelite.apiserver.web.JsonResponses;
import io.kubelite.model.StatusException;
import io.kubelite.store.ListOptions;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every resource path of every kind, dispatched by the resolved {@link ApiPath} and the HTTP method.
 * Hidden from springdoc: the OpenAPI document describes these paths per kind instead.
 */
@Hidden
@RestController
class ResourceController {

    private final ResourceOperations operations;
    private final RequestBodies bodies;
    private final WatchStreams watches;
    private final PodLogs logs;

    ResourceController(ResourceOperations operations, RequestBodies bodies, WatchStreams watches, PodLogs logs) {
        this.operations = operations;
        this.bodies = bodies;
        this.watches = watches;
        this.logs = logs;
    }

    @RequestMapping(path = {"/api/v1/**", "/apis/*/*/**"}, method = {RequestMethod.GET, RequestMethod.POST,
            RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResponseEntity<byte[]> answer = answer(request, response);
        if (answer != null) {
            JsonResponses.write(answer, response);
        }
    }

    /** The response to write, or null when a watch or log stream has taken the request over. */
    private ResponseEntity<byte[]> answer(HttpServletRequest request, HttpServletResponse response) {
        ApiPath path = ApiPath.parse(request.getRequestURI().substring(request.getContextPath().length()));
        ApiQuery query = ApiQuery.parse(request.getQueryString());
        String method = request.getMethod();
        RequestInfo.record(request, verb(method, path, query), path.kind().plural(), path.subresourceOrEmpty());
        if (ApiPath.LOG.equals(path.subresource())) {
            if (!method.equals("GET")) {
                throw notAllowed(method, path);
            }
            logs.stream(path.namespace(), path.name(), PodLogOptions.from(query), response);
            return null;
        }
        if (ApiPath.BINDING.equals(path.subresource())) {
            if (!method.equals("POST")) {
                throw notAllowed(method, path);
            }
            requireJson(request);
            return operations.bind(path, bodies.readObject(request), query);
        }
        return switch (method) {
            case "GET" -> get(path, query, request, response);
            case "HEAD" -> path.isCollection() ? operations.list(path.kind(), listOptions(path, query)) : operations.get(path);
            case "POST" -> {
                if (!path.isCollection() || (path.kind().namespaced() && path.namespace() == null)) {
                    throw notAllowed(method, path);
                }
                requireJson(request);
                yield operations.create(path, bodies.readObject(request), query);
            }
            case "PUT" -> {
                requireObject(method, path);
                requireJson(request);
                yield operations.replace(path, bodies.readObject(request), query);
            }
            case "PATCH" -> {
                requireObject(method, path);
                PatchType type = PatchType.fromContentType(request.getContentType());
                yield operations.patch(path, type, RequestBodies.parse(bodies.read(request)), query);
            }
            case "DELETE" -> {
                if (path.isCollection() || path.subresource() != null) {
                    throw notAllowed(method, path);
                }
                yield operations.delete(path, bodies.read(request), query);
            }
            default -> throw notAllowed(method, path);
        };
    }

    private ResponseEntity<byte[]> get(ApiPath path, ApiQuery query, HttpServletRequest request,
                                       HttpServletResponse response) {
        if (!path.isCollection()) {
            return operations.get(path);
        }
        // Every list and watch option is checked, whichever of the two is asked for.
        ListOptions list = listOptions(path, query);
        WatchRequest watch = new WatchRequest(path.kind(), path.namespace(), list.labelSelector(),
                list.fieldSelector(), query.resourceVersion(), query.allowWatchBookmarks(), query.timeoutSeconds());
        if (!query.watch()) {
            return operations.list(path.kind(), list);
        }
        watches.open(watch, request, response);
        return null;
    }

    private static ListOptions listOptions(ApiPath path, ApiQuery query) {
        return new ListOptions(path.namespace(), query.labelSelector(), query.fieldSelector(), query.limit(),
                query.continueToken());
    }

    /** The Kubernetes verb, for metrics: get, list, watch, create, update, patch, delete. */
    private static String verb(String method, ApiPath path, ApiQuery query) {
        return switch (method) {
            case "GET" -> !path.isCollection() ? "get" : query.watch() ? "watch" : "list";
            case "HEAD" -> path.isCollection() ? "list" : "get";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default -> method.toLowerCase(Locale.ROOT);
        };
    }

    private static void requireObject(String method, ApiPath path) {
        if (path.isCollection()) {
            throw notAllowed(method, path);
        }
    }

    /** Bodies of POST and PUT are JSON; a missing Content-Type is taken as JSON, as curl users expect. */
    private static void requireJson(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json") && !type.equals("*/*")) {
            throw StatusException.unsupportedMediaType("the body of the request was in an unknown format - "
                    + "accepted media types include: application/json");
        }
    }

    private static StatusException notAllowed(String method, ApiPath path) {
        String target = path.kind().plural() + (path.subresource() != null ? "/" + path.subresource() : "");
        return StatusException.methodNotAllowed("the server does not allow this method on the requested resource: "
                + method + " " + target + (path.isCollection() ? " (collection)" : ""));
    }
}
