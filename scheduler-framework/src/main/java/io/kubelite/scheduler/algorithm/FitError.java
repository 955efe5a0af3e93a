package io.kubelite.scheduler.algorithm;

import io.kubelite.scheduler.framework.FilterPlugin;
import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.Status;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Why a pod fits no node: how many nodes gave each reason, as kube-scheduler reports it
 * ("0/3 nodes are available: 2 Insufficient memory, 1 node(s) had untolerated taint {dedicated: gpu}.").
 *
 * @param nodeCount    how many nodes were considered
 * @param reasonCounts how many nodes gave each reason; a node may give several (cpu and memory)
 */
public record FitError(int nodeCount, Map<String, Integer> reasonCounts) {

    public FitError {
        reasonCounts = Map.copyOf(reasonCounts);
    }

    /** Runs the filters on every node, as the pod's failure needs explaining: each node's first failure counts. */
    public static FitError diagnose(PodInfo pod, List<NodeInfo> nodes, List<FilterPlugin> filters) {
        Map<String, Integer> counts = new HashMap<>();
        for (NodeInfo node : nodes) {
            for (FilterPlugin filter : filters) {
                Status status = filter.filter(pod, node);
                if (!status.isSuccess()) {
                    status.reasons().forEach(reason -> counts.merge(reason, 1, Integer::sum));
                    break;
                }
            }
        }
        return new FitError(nodes.size(), counts);
    }

    /** The message for the pod's condition and event: the most frequent reasons first. */
    public String message() {
        if (nodeCount == 0) {
            return "no nodes available to schedule pods";
        }
        String reasons = reasonCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        return "0/" + nodeCount + " nodes are available: " + reasons + ".";
    }
}
