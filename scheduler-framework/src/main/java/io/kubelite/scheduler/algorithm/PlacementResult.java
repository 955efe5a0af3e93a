package io.kubelite.scheduler.algorithm;

import io.kubelite.scheduler.framework.PodInfo;
import java.util.List;

/**
 * What a round decided: where pods go, and why the others fit nowhere.
 *
 * @param placements  pods and their nodes, in the order they were decided
 * @param unplaced    pods no node can take now
 * @param quality     what the algorithm knows of the placement's quality, for the log ("" when nothing)
 */
public record PlacementResult(List<Placement> placements, List<Unplaced> unplaced, String quality) {

    public PlacementResult {
        placements = List.copyOf(placements);
        unplaced = List.copyOf(unplaced);
    }

    public PlacementResult(List<Placement> placements, List<Unplaced> unplaced) {
        this(placements, unplaced, "");
    }

    public record Placement(PodInfo pod, String nodeName) { }

    public record Unplaced(PodInfo pod, FitError error) { }
}
