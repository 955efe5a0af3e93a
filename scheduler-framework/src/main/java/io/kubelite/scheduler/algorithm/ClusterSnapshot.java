package io.kubelite.scheduler.algorithm;

import io.kubelite.scheduler.framework.NodeInfo;
import java.util.List;

/** The nodes, and what is requested on each, at the start of a scheduling round. */
public record ClusterSnapshot(List<NodeInfo> nodes) {

    public ClusterSnapshot {
        nodes = List.copyOf(nodes);
    }
}
