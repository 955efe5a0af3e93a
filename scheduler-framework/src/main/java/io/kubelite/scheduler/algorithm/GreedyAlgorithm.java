package io.kubelite.scheduler.algorithm;

import io.kubelite.scheduler.framework.FilterPlugin;
import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PlacementConstraints;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.SchedulingProfile;
import io.kubelite.scheduler.framework.ScorePlugin;
import io.kubelite.scheduler.framework.WeightedScorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * kube-scheduler's way: one pod at a time, highest priority first, then oldest; every node filtered, the
 * feasible ones scored, the best wins (a random one among equal bests, so equal nodes share the load) and is
 * assumed to hold the pod before the next one is placed.
 *
 * <p>Filters that do not read requested resources give the same answer for every pod with the same
 * constraints, so they run once per distinct constraints and batch; only the resources check and the scores
 * run per pod and node, over arrays, without allocating.
 */
public final class GreedyAlgorithm implements PlacementAlgorithm {

    public static final String NAME = "greedy";

    private final SchedulingProfile profile;
    private final List<FilterPlugin> constraintFilters;
    private final FilterPlugin[] resourceFilters;
    private final ScorePlugin[] scorers;
    private final long[] weights;
    private final RandomGenerator random;

    public GreedyAlgorithm(SchedulingProfile profile, RandomGenerator random) {
        this.profile = profile;
        this.constraintFilters = profile.constraintFilters();
        this.resourceFilters = profile.resourceFilters().toArray(FilterPlugin[]::new);
        this.scorers = profile.scorers().stream().map(WeightedScorer::plugin).toArray(ScorePlugin[]::new);
        this.weights = profile.scorers().stream().mapToLong(WeightedScorer::weight).toArray();
        this.random = random;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PlacementResult place(List<PodInfo> pods, ClusterSnapshot snapshot) {
        NodeInfo[] nodes = snapshot.nodes().toArray(NodeInfo[]::new);
        Map<PlacementConstraints, int[]> candidatesByConstraints = new HashMap<>();
        List<PlacementResult.Placement> placements = new ArrayList<>();
        List<PlacementResult.Unplaced> unplaced = new ArrayList<>();
        for (PodInfo pod : pods.stream().sorted(PodInfo.QUEUE_ORDER).toList()) {
            int[] candidates = candidatesByConstraints.computeIfAbsent(pod.constraints(),
                    c -> passingConstraintFilters(pod, nodes));
            int chosen = bestNode(pod, candidates, nodes);
            if (chosen < 0) {
                unplaced.add(new PlacementResult.Unplaced(pod, FitError.diagnose(pod, Arrays.asList(nodes),
                        profile.filters())));
            } else {
                nodes[chosen] = nodes[chosen].withPod(pod);
                placements.add(new PlacementResult.Placement(pod, nodes[chosen].name()));
            }
        }
        return new PlacementResult(placements, unplaced);
    }

    private int[] passingConstraintFilters(PodInfo pod, NodeInfo[] nodes) {
        int[] passing = new int[nodes.length];
        int count = 0;
        for (int i = 0; i < nodes.length; i++) {
            if (passesAll(constraintFilters, pod, nodes[i])) {
                passing[count++] = i;
            }
        }
        return Arrays.copyOf(passing, count);
    }

    private static boolean passesAll(List<FilterPlugin> filters, PodInfo pod, NodeInfo node) {
        for (FilterPlugin filter : filters) {
            if (!filter.filter(pod, node).isSuccess()) {
                return false;
            }
        }
        return true;
    }

    /** The index of the best feasible node, a fair random pick among equal bests; -1 when none is feasible. */
    private int bestNode(PodInfo pod, int[] candidates, NodeInfo[] nodes) {
        int best = -1;
        long bestScore = Long.MIN_VALUE;
        int ties = 0;
        for (int index : candidates) {
            NodeInfo node = nodes[index];
            if (!passesResourceFilters(pod, node)) {
                continue;
            }
            long score = score(pod, node);
            if (score > bestScore) {
                best = index;
                bestScore = score;
                ties = 1;
            } else if (score == bestScore && random.nextInt(++ties) == 0) {
                best = index;
            }
        }
        return best;
    }

    private boolean passesResourceFilters(PodInfo pod, NodeInfo node) {
        for (FilterPlugin filter : resourceFilters) {
            if (!filter.filter(pod, node).isSuccess()) {
                return false;
            }
        }
        return true;
    }

    private long score(PodInfo pod, NodeInfo node) {
        long total = 0;
        for (int i = 0; i < scorers.length; i++) {
            total += weights[i] * scorers[i].score(pod, node);
        }
        return total;
    }
}
