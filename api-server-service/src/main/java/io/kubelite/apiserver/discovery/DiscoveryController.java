package io.kubelite.apiserver.discovery;

import io.kubelite.apiserver.web.JsonResponses;
import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Kubernetes' API discovery documents, so that kubectl and client libraries find our resources. */
@Tag(name = "discovery", description = "API groups, versions and resources served")
@RestController
class DiscoveryController {

    private static final List<String> VERBS = List.of("create", "delete", "get", "list", "patch", "update", "watch");
    private static final List<String> SUBRESOURCE_VERBS = List.of("get", "patch", "update");
    private static final Set<ResourceKind> IN_CATEGORY_ALL =
            Set.of(ResourceKind.POD, ResourceKind.DEPLOYMENT, ResourceKind.REPLICASET);

    @Operation(summary = "The versions of the core API group (APIVersions)")
    @GetMapping("/api")
    ResponseEntity<byte[]> coreVersions(HttpServletRequest request) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("kind", "APIVersions");
        body.putArray("versions").add("v1");
        ObjectNode address = body.putArray("serverAddressByClientCIDRs").addObject();
        address.put("clientCIDR", "0.0.0.0/0");
        address.put("serverAddress", request.getServerName() + ":" + request.getServerPort());
        return JsonResponses.ok(body);
    }

    @Operation(summary = "The named API groups (APIGroupList)")
    @GetMapping("/apis")
    ResponseEntity<byte[]> groups() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("kind", "APIGroupList");
        body.put("apiVersion", "v1");
        body.putArray("groups").add(group("apps"));
        return JsonResponses.ok(body);
    }

    @Operation(summary = "The apps API group (APIGroup)")
    @GetMapping("/apis/apps")
    ResponseEntity<byte[]> apps() {
        ObjectNode body = group("apps");
        body.put("kind", "APIGroup");
        body.put("apiVersion", "v1");
        return JsonResponses.ok(body);
    }

    @Operation(summary = "The resources of the core group, v1 (APIResourceList)")
    @GetMapping("/api/v1")
    ResponseEntity<byte[]> coreResources() {
        return JsonResponses.ok(resources(""));
    }

    @Operation(summary = "The resources of apps/v1 (APIResourceList)")
    @GetMapping("/apis/apps/v1")
    ResponseEntity<byte[]> appsResources() {
        return JsonResponses.ok(resources("apps"));
    }

    private static ObjectNode group(String name) {
        ObjectNode group = Json.MAPPER.createObjectNode();
        group.put("name", name);
        ObjectNode version = group.putArray("versions").addObject();
        version.put("groupVersion", name + "/v1");
        version.put("version", "v1");
        group.set("preferredVersion", version.deepCopy());
        return group;
    }

    private static ObjectNode resources(String group) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("kind", "APIResourceList");
        body.put("apiVersion", "v1");
        body.put("groupVersion", group.isEmpty() ? "v1" : group + "/v1");
        ArrayNode resources = body.putArray("resources");
        Arrays.stream(ResourceKind.values()).filter(kind -> kind.group().equals(group)).forEach(kind -> {
            ObjectNode resource = resources.addObject();
            resource.put("name", kind.plural());
            resource.put("singularName", kind.singular());
            resource.put("namespaced", kind.namespaced());
            resource.put("kind", kind.kind());
            VERBS.forEach(resource.putArray("verbs")::add);
            kind.shortNames().forEach(resource.putArray("shortNames")::add);
            if (IN_CATEGORY_ALL.contains(kind)) {
                resource.putArray("categories").add("all");
            }
            if (kind != ResourceKind.EVENT) {
                resources.add(subresource(kind, "status", kind.kind(), null, SUBRESOURCE_VERBS));
            }
            if (kind == ResourceKind.DEPLOYMENT || kind == ResourceKind.REPLICASET) {
                resources.add(subresource(kind, "scale", "Scale", "autoscaling", SUBRESOURCE_VERBS));
            }
            if (kind == ResourceKind.POD) {
                resources.add(subresource(kind, "binding", "Binding", null, List.of("create")));
                resources.add(subresource(kind, "log", kind.kind(), null, List.of("get")));
            }
        });
        return body;
    }

    private static ObjectNode subresource(ResourceKind kind, String name, String subresourceKind, String group,
                                          List<String> verbs) {
        ObjectNode resource = Json.MAPPER.createObjectNode();
        resource.put("name", kind.plural() + "/" + name);
        resource.put("singularName", "");
        resource.put("namespaced", kind.namespaced());
        if (group != null) {
            resource.put("group", group);
            resource.put("version", "v1");
        }
        resource.put("kind", subresourceKind);
        verbs.forEach(resource.putArray("verbs")::add);
        return resource;
    }
}
