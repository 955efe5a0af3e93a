package io.kubelite.scheduler.framework;

import io.kubelite.model.core.Toleration;
import java.util.List;
import java.util.Map;

/**
 * What a pod says about where it may run, apart from resources. Pods with equal constraints get equal answers
 * from the filters that do not read requested resources.
 */
public record PlacementConstraints(Map<String, String> nodeSelector, List<Toleration> tolerations) {

    public static final PlacementConstraints NONE = new PlacementConstraints(Map.of(), List.of());

    public PlacementConstraints {
        nodeSelector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
        tolerations = tolerations == null ? List.of() : List.copyOf(tolerations);
    }
}
