package io.kubelite.scheduler.framework;

/** A score plugin and how much its score counts in a node's total. */
public record WeightedScorer(ScorePlugin plugin, int weight) {

    public WeightedScorer {
        if (weight <= 0) {
            throw new IllegalArgumentException("The weight of " + plugin.name() + " must be positive, not " + weight);
        }
    }
}
