package io.kubelite.scheduler.algorithm;

import io.kubelite.scheduler.flow.Assignment;
import io.kubelite.scheduler.flow.BatchPlacement;
import io.kubelite.scheduler.flow.BatchPlanner;
import io.kubelite.scheduler.flow.CostBands;
import io.kubelite.scheduler.flow.PlacementCost;
import io.kubelite.scheduler.flow.PlacementProblem;
import io.kubelite.scheduler.framework.FilterPlugin;
import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PlacementConstraints;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.SchedulingProfile;
import io.kubelite.scheduler.framework.ScorePlugin;
import io.kubelite.scheduler.framework.WeightedScorer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole batch at once, by min-cost flow (docs/mincostflow.md): pods with equal requests and constraints
 * form a class; the profile's constraint filters decide which nodes a class may use; the profile's weighted
 * scores, as {@code 100 - score}, price each pod on each node; {@link BatchPlanner} finds the placement.
 * Within a class, pods are taken in queue order (priority, then age), so when a class cannot be placed whole
 * its older and more important pods go first. Not thread-safe: one scheduling loop calls it.
 */
public final class MinCostFlowAlgorithm implements PlacementAlgorithm {

    public static final String NAME = "mincostflow";

    /** Exact costs for a class's first three pods on a node, the fourth's for every pod after. */
    static final CostBands BANDS = new CostBands(4, 1);
    /** Flow rounds before the pods still given back are placed one by one (docs/mincostflow.md). */
    static final int MAX_ROUNDS = 8;

    private static final int CPU = 0;
    private static final int MEMORY = 1;
    private static final int PODS = 2;

    private final SchedulingProfile profile;
    private final List<FilterPlugin> constraintFilters;
    private final List<FilterPlugin> resourceFilters;
    private final BatchPlanner planner;

    /**
     * @param searchTime how long each batch may search for a cheaper placement and the proof that it is optimal
     *                   (docs/scheduler.md); zero takes the flow rounds' result
     */
    public MinCostFlowAlgorithm(SchedulingProfile profile, Duration searchTime) {
        this.profile = profile;
        this.constraintFilters = profile.constraintFilters();
        this.resourceFilters = profile.resourceFilters();
        this.planner = new BatchPlanner(BANDS, MAX_ROUNDS, searchTime);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PlacementResult place(List<PodInfo> pods, ClusterSnapshot snapshot) {
        NodeInfo[] nodes = snapshot.nodes().toArray(NodeInfo[]::new);
        List<List<PodInfo>> classes = podClasses(pods);
        BatchPlacement batch = planner.place(problem(classes, nodes));

        List<PlacementResult.Placement> placements = new ArrayList<>();
        int[] taken = new int[classes.size()];
        for (Assignment assignment : batch.assignments()) {
            List<PodInfo> members = classes.get(assignment.podClass());
            for (int i = 0; i < assignment.count(); i++) {
                PodInfo pod = members.get(taken[assignment.podClass()]++);
                NodeInfo node = nodes[assignment.node()];
                if (!passesAll(resourceFilters, pod, node)) {
                    throw new IllegalStateException("min-cost flow overfilled node " + node.name() + " with "
                            + pod.key());
                }
                nodes[assignment.node()] = node.withPod(pod);
                placements.add(new PlacementResult.Placement(pod, node.name()));
            }
        }
        List<PlacementResult.Unplaced> unplaced = new ArrayList<>();
        List<NodeInfo> finalNodes = Arrays.asList(nodes);
        for (int c = 0; c < classes.size(); c++) {
            List<PodInfo> members = classes.get(c);
            if (taken[c] < members.size()) {
                // every pod of a class meets the same nodes for the same reasons: diagnose once
                FitError error = FitError.diagnose(members.get(taken[c]), finalNodes, profile.filters());
                for (PodInfo pod : members.subList(taken[c], members.size())) {
                    unplaced.add(new PlacementResult.Unplaced(pod, error));
                }
            }
        }
        return new PlacementResult(placements, unplaced, quality(batch));
    }

    /** Whether the placement is proven optimal, or how far from the optimum it may be. */
    static String quality(BatchPlacement batch) {
        if (batch.optimal()) {
            return "proven optimal";
        }
        String distance = batch.lowerBound() > 0
                ? String.format(Locale.ROOT, "at most %.1f%% above the optimum",
                        100.0 * (batch.objective() - batch.lowerBound()) / batch.lowerBound())
                : "not proven optimal";
        return distance + " (objective " + batch.objective() + ", lower bound " + batch.lowerBound()
                + "; a longer kubelite.scheduler.mincostflow-search-time may close it)";
    }

    /** Pods grouped by requests and constraints, each group in queue order. */
    private static List<List<PodInfo>> podClasses(List<PodInfo> pods) {
        Map<ClassKey, List<PodInfo>> classes = new LinkedHashMap<>();
        for (PodInfo pod : pods.stream().sorted(PodInfo.QUEUE_ORDER).toList()) {
            classes.computeIfAbsent(new ClassKey(pod.milliCpu(), pod.memoryBytes(), pod.constraints()),
                    key -> new ArrayList<>()).add(pod);
        }
        return new ArrayList<>(classes.values());
    }

    private record ClassKey(long milliCpu, long memoryBytes, PlacementConstraints constraints) {
    }

    private PlacementProblem problem(List<List<PodInfo>> classes, NodeInfo[] nodes) {
        PodInfo[] representatives = classes.stream().map(members -> members.get(0)).toArray(PodInfo[]::new);
        int[] counts = classes.stream().mapToInt(List::size).toArray();
        long[][] requests = new long[classes.size()][];
        for (int c = 0; c < requests.length; c++) {
            requests[c] = new long[] {representatives[c].milliCpu(), representatives[c].memoryBytes(), 1};
        }
        long[][] allocatable = new long[nodes.length][];
        long[][] requested = new long[nodes.length][];
        for (int n = 0; n < nodes.length; n++) {
            NodeInfo node = nodes[n];
            allocatable[n] = new long[] {node.allocatableMilliCpu(), node.allocatableMemory(), node.allocatablePods()};
            requested[n] = new long[] {node.requestedMilliCpu(), node.requestedMemory(), node.podCount()};
        }
        return new PlacementProblem(counts, requests, allocatable, requested,
                (c, n) -> passesAll(constraintFilters, representatives[c], nodes[n]),
                (c, n, alreadyPlaced) -> cost(representatives[c], nodes[n], alreadyPlaced));
    }

    /** {@code 100 - } the profile's weighted score of the pod on the node holding {@code alreadyPlaced} like it. */
    private int cost(PodInfo pod, NodeInfo node, int alreadyPlaced) {
        NodeInfo loaded = new NodeInfo(node.node(), node.allocatableMilliCpu(), node.allocatableMemory(),
                node.allocatablePods(), node.requestedMilliCpu() + alreadyPlaced * pod.milliCpu(),
                node.requestedMemory() + alreadyPlaced * pod.memoryBytes(), node.podCount() + alreadyPlaced);
        long weighted = 0;
        long weights = 0;
        for (WeightedScorer scorer : profile.scorers()) {
            weighted += scorer.weight() * scorer.plugin().score(pod, loaded);
            weights += scorer.weight();
        }
        long score = weights == 0 ? ScorePlugin.MAX_SCORE : weighted / weights;
        return PlacementCost.MAX_PLACEMENT_COST
                - (int) Math.max(ScorePlugin.MIN_SCORE, Math.min(ScorePlugin.MAX_SCORE, score));
    }

    private static boolean passesAll(List<FilterPlugin> filters, PodInfo pod, NodeInfo node) {
        for (FilterPlugin filter : filters) {
            if (!filter.filter(pod, node).isSuccess()) {
                return false;
            }
        }
        return true;
    }
}
