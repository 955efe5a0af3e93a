package io.kubelite.scheduler.plugins;

import io.kubelite.model.core.Node;
import io.kubelite.model.core.Toleration;
import io.kubelite.scheduler.framework.FilterPlugin;
import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.Status;

/**
 * A cordoned node ({@code spec.unschedulable}) takes no new pods, unless the pod tolerates the
 * {@code node.kubernetes.io/unschedulable:NoSchedule} taint that Kubernetes puts on such nodes.
 */
public final class NodeUnschedulable implements FilterPlugin {

    public static final String NAME = "NodeUnschedulable";
    static final String UNSCHEDULABLE_TAINT = "node.kubernetes.io/unschedulable";
    static final Status UNSCHEDULABLE = Status.unresolvable("node(s) were unschedulable");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(PodInfo pod, NodeInfo node) {
        return isCordoned(node.node()) && !toleratesCordon(pod) ? UNSCHEDULABLE : Status.SUCCESS;
    }

    static boolean isCordoned(Node node) {
        return node.spec() != null && Boolean.TRUE.equals(node.spec().unschedulable());
    }

    private static boolean toleratesCordon(PodInfo pod) {
        for (Toleration toleration : pod.constraints().tolerations()) {
            if (toleration.tolerates(UNSCHEDULABLE_TAINT, null, TaintToleration.NO_SCHEDULE)) {
                return true;
            }
        }
        return false;
    }
}
