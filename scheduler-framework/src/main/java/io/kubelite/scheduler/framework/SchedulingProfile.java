package io.kubelite.scheduler.framework;

import java.util.List;

/**
 * The plugins one scheduler runs: filters in order (a node is ruled out by the first that fails), then the
 * weighted sum of the scorers on the nodes left.
 */
public record SchedulingProfile(List<FilterPlugin> filters, List<WeightedScorer> scorers) {

    public SchedulingProfile {
        filters = List.copyOf(filters);
        scorers = List.copyOf(scorers);
    }

    /** The filters whose answer depends only on the node object and the pod's constraints. */
    public List<FilterPlugin> constraintFilters() {
        return filters.stream().filter(f -> !f.readsRequestedResources()).toList();
    }

    /** The filters that read what is already requested on the node. */
    public List<FilterPlugin> resourceFilters() {
        return filters.stream().filter(FilterPlugin::readsRequestedResources).toList();
    }
}
