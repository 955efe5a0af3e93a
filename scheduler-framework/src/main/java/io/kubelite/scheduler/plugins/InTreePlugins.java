package io.kubelite.scheduler.plugins;

import io.kubelite.scheduler.framework.FilterPlugin;
import io.kubelite.scheduler.framework.SchedulingProfile;
import io.kubelite.scheduler.framework.ScorePlugin;
import io.kubelite.scheduler.framework.WeightedScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every plugin the scheduler has, in one place. */
public final class InTreePlugins {

    /**
     * The filters, cheapest and most selective first: a node is ruled out by the first that fails, and the
     * resources check comes last because it is the only one that changes as pods are placed.
     */
    private static final List<FilterPlugin> FILTERS = List.of(new NodeReady(), new NodeUnschedulable(),
            new NodeSelector(), new TaintToleration(), new NodeResourcesFit());

    /** By name, ignoring case: weights set through environment variables arrive in lower case. */
    private static final Map<String, ScorePlugin> SCORERS = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        SCORERS.put(LeastAllocated.NAME, new LeastAllocated());
        SCORERS.put(MostAllocated.NAME, new MostAllocated());
    }

    private InTreePlugins() { }

    /**
     * Every filter, and the scorers with a positive weight.
     *
     * @param scoreWeights weight by scorer name (any case); a name that is no scorer is an error
     */
    public static SchedulingProfile profile(Map<String, Integer> scoreWeights) {
        List<WeightedScorer> scorers = new ArrayList<>();
        new TreeMap<>(scoreWeights).forEach((name, weight) -> {
            ScorePlugin plugin = SCORERS.get(name);
            if (plugin == null) {
                throw new IllegalArgumentException("No score plugin is named " + name + "; known: "
                        + SCORERS.keySet());
            }
            if (weight != 0) {
                scorers.add(new WeightedScorer(plugin, weight));
            }
        });
        return new SchedulingProfile(FILTERS, scorers);
    }
}
