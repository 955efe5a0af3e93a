package io.kubelite.model;

import io.kubelite.model.apps.Deployment;
import io.kubelite.model.apps.ReplicaSet;
import io.kubelite.model.core.Event;
import io.kubelite.model.core.Namespace;
import io.kubelite.model.core.Node;
import io.kubelite.model.core.Pod;
import io.kubelite.model.meta.KubernetesObject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of object kube-lite serves, with the names the API and the store know them by. */
public enum ResourceKind {
    NAMESPACE("", "v1", "Namespace", "namespaces", false, List.of("ns"), Namespace.class),
    NODE("", "v1", "Node", "nodes", false, List.of("no"), Node.class),
    POD("", "v1", "Pod", "pods", true, List.of("po"), Pod.class),
    EVENT("", "v1", "Event", "events", true, List.of("ev"), Event.class),
    DEPLOYMENT("apps", "v1", "Deployment", "deployments", true, List.of("deploy"), Deployment.class),
    REPLICASET("apps", "v1", "ReplicaSet", "replicasets", true, List.of("rs"), ReplicaSet.class);

    private final String group;
    private final String version;
    private final String kind;
    private final String plural;
    private final boolean namespaced;
    private final List<String> shortNames;
    private final Class<? extends KubernetesObject> type;

    ResourceKind(String group, String version, String kind, String plural, boolean namespaced, List<String> shortNames,
                 Class<? extends KubernetesObject> type) {
        this.group = group;
        this.version = version;
        this.kind = kind;
        this.plural = plural;
        this.namespaced = namespaced;
        this.shortNames = shortNames;
        this.type = type;
    }

    public String group() { return group; }
    public String version() { return version; }
    public String kind() { return kind; }
    public String plural() { return plural; }
    public boolean namespaced() { return namespaced; }
    public List<String> shortNames() { return shortNames; }

    /** The record the kind's objects read into, such as {@code Pod}. */
    public Class<? extends KubernetesObject> type() { return type; }

    /** {@code v1} for the core group, {@code apps/v1} otherwise. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The singular lower-case name, as in {@code pod}. */
    public String singular() {
        return kind.toLowerCase(Locale.ROOT);
    }

    public static Optional<ResourceKind> byPlural(String group, String plural) {
        return Arrays.stream(values())
                .filter(k -> k.group.equals(group) && k.plural.equals(plural))
                .findFirst();
    }

    /** Plural, singular, kind or short name, case-insensitively, as kubectl accepts them. */
    public static Optional<ResourceKind> byAnyName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(k -> k.plural.equals(n) || k.singular().equals(n) || k.shortNames.contains(n))
                .findFirst();
    }
}
