package io.kubelite.cli.api;

import io.kubelite.model.ResourceKind;

/** The Kubernetes REST paths of a kind's objects. */
public final class ResourcePaths {

    private ResourcePaths() { }

    /**
     * {@code /api/v1/namespaces/{ns}/pods/{name}}; a null namespace of a namespaced kind gives the cluster-wide
     * list path ({@code /api/v1/pods}), a null name the collection.
     */
    public static String of(ResourceKind kind, String namespace, String name) {
        StringBuilder path = new StringBuilder(kind.group().isEmpty() ? "/api/" : "/apis/" + kind.group() + "/")
                .append(kind.version());
        if (kind.namespaced() && namespace != null) {
            path.append("/namespaces/").append(namespace);
        }
        path.append('/').append(kind.plural());
        if (name != null) {
            path.append('/').append(name);
        }
        return path.toString();
    }
}
