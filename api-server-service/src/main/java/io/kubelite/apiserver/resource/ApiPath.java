package io.kubelite.apiserver.resource;

import io.kubelite.apiserver.error.StatusReasons;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.web.util.UriUtils;

/**
 * A request path (as sent, still percent-encoded) resolved the way Kubernetes resolves it:
 * {@code /api/v1[/namespaces/{namespace}]/{resource}[/{name}[/{subresource}]]} and
 * {@code /apis/{group}/{version}[/namespaces/{namespace}]/{resource}[/{name}[/{subresource}]]}.
 *
 * @param namespace   null for cluster-scoped kinds and for lists across every namespace
 * @param name        null for collections
 * @param subresource null, {@code status}, {@code scale}, {@code binding} or {@code log}
 */
public record ApiPath(ResourceKind kind, String namespace, String name, String subresource) {

    public static final String STATUS = "status";
    public static final String SCALE = "scale";
    /** Kubernetes' pods/binding: POST only, assigns the pod to a node. */
    public static final String BINDING = "binding";
    /** Kubernetes' pods/log: GET only, a container's output, fetched from the node agent that runs the pod. */
    public static final String LOG = "log";

    /** Subresources of a namespace itself: {@code /api/v1/namespaces/{name}/status} is not a list. */
    private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of(STATUS, "finalize");

    /** Resolves a path, or throws 404 for one we do not serve. */
    public static ApiPath parse(String path) {
        List<String> segments = Arrays.stream(path.split("/"))
                .filter(s -> !s.isEmpty())
                .map(s -> UriUtils.decode(s, StandardCharsets.UTF_8))
                .toList();
        String group;
        List<String> rest;
        if (segments.size() >= 2 && segments.get(0).equals("api") && segments.get(1).equals("v1")) {
            group = "";
            rest = segments.subList(2, segments.size());
        } else if (segments.size() >= 3 && segments.get(0).equals("apis")) {
            group = segments.get(1);
            rest = segments.subList(3, segments.size());
            if (!segments.get(2).equals("v1")) {
                throw notFound();
            }
        } else {
            throw notFound();
        }
        String namespace = null;
        if (rest.size() >= 3 && rest.get(0).equals("namespaces") && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        if (rest.isEmpty() || rest.size() > 3) {
            throw notFound();
        }
        ResourceKind kind = ResourceKind.byPlural(group, rest.get(0)).orElseThrow(ApiPath::notFound);
        String name = rest.size() > 1 ? rest.get(1) : null;
        String subresource = rest.size() > 2 ? rest.get(2) : null;
        boolean objectWithoutNamespace = kind.namespaced() && namespace == null && name != null;
        if (objectWithoutNamespace || (!kind.namespaced() && namespace != null)
                || (subresource != null && !supports(kind, subresource))) {
            throw notFound();
        }
        return new ApiPath(kind, namespace, name, subresource);
    }

    static boolean supports(ResourceKind kind, String subresource) {
        return switch (subresource) {
            case STATUS -> kind != ResourceKind.EVENT;
            case SCALE -> kind == ResourceKind.DEPLOYMENT || kind == ResourceKind.REPLICASET;
            case BINDING, LOG -> kind == ResourceKind.POD;
            default -> false;
        };
    }

    public boolean isCollection() {
        return name == null;
    }

    /** The subresource label used in metrics: empty for the object itself. */
    public String subresourceOrEmpty() {
        return subresource == null ? "" : subresource;
    }

    private static StatusException notFound() {
        return new StatusException(StatusReasons.pathNotFound());
    }
}
