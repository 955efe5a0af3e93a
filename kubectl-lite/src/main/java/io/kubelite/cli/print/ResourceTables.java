package io.kubelite.cli.print;

import io.kubelite.model.ResourceKind;
import java.util.EnumMap;
import java.util.Map;

/** The table of every kind, registered in one place. */
public final class ResourceTables {

    private static final Map<ResourceKind, ResourceTable> TABLES = new EnumMap<>(Map.of(
            ResourceKind.POD, new PodTable(),
            ResourceKind.NODE, new NodeTable(),
            ResourceKind.DEPLOYMENT, new DeploymentTable(),
            ResourceKind.REPLICASET, new ReplicaSetTable(),
            ResourceKind.EVENT, new EventTable(),
            ResourceKind.NAMESPACE, new NamespaceTable()));

    private ResourceTables() { }

    public static ResourceTable of(ResourceKind kind) {
        return TABLES.get(kind);
    }
}
