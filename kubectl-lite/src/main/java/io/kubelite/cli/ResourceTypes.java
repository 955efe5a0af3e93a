package io.kubelite.cli;

import io.kubelite.model.ResourceKind;

/** The resource type a user names: plural, singular, kind or short name ({@code po}, {@code deploy}...). */
public final class ResourceTypes {

    private ResourceTypes() { }

    /**
     * The kind for {@code pods}, {@code pod}, {@code Pod}, {@code po}, also with its group
     * ({@code deployments.apps}); an unknown name is the error kubectl gives.
     */
    public static ResourceKind resolve(String name) {
        int dot = name.indexOf('.');
        String type = dot < 0 ? name : name.substring(0, dot);
        String group = dot < 0 ? null : name.substring(dot + 1);
        return ResourceKind.byAnyName(type)
                .filter(kind -> group == null || kind.group().equals(group) || kind.apiVersion().equals(group))
                .orElseThrow(() -> new UsageException("the server doesn't have a resource type \"" + name + "\""));
    }

    /** The name kubectl prints for a kind in messages: {@code pod}, {@code deployment.apps}. */
    public static String qualified(ResourceKind kind) {
        return kind.group().isEmpty() ? kind.singular() : kind.singular() + "." + kind.group();
    }

    /** The plural with its group, as in {@code deployments.apps "web" deleted}. */
    public static String qualifiedPlural(ResourceKind kind) {
        return kind.group().isEmpty() ? kind.plural() : kind.plural() + "." + kind.group();
    }
}
