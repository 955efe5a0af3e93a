package io.kubelite.scheduler.plugins;

import io.kubelite.model.core.Node;
import io.kubelite.model.core.NodeCondition;
import io.kubelite.scheduler.framework.FilterPlugin;
import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.Status;

/** Only nodes whose condition {@code Ready} is {@code True} take pods. */
public final class NodeReady implements FilterPlugin {

    public static final String NAME = "NodeReady";
    static final Status NOT_READY = Status.unresolvable("node(s) were not ready");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(PodInfo pod, NodeInfo node) {
        return isReady(node.node()) ? Status.SUCCESS : NOT_READY;
    }

    static boolean isReady(Node node) {
        if (node.status() == null || node.status().conditions() == null) {
            return false;
        }
        for (NodeCondition condition : node.status().conditions()) {
            if ("Ready".equals(condition.type())) {
                return "True".equals(condition.status());
            }
        }
        return false;
    }
}
