package io.kubelite.scheduler.plugins;

import io.kubelite.scheduler.framework.FilterPlugin;
import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.Status;
import java.util.Map;

/** The node carries every label of the pod's {@code spec.nodeSelector}, with the same value. */
public final class NodeSelector implements FilterPlugin {

    public static final String NAME = "NodeSelector";
    static final Status MISMATCH = Status.unresolvable("node(s) didn't match Pod's node affinity/selector");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(PodInfo pod, NodeInfo node) {
        return matches(pod.constraints().nodeSelector(), node.node().metadata().labelsOrEmpty())
                ? Status.SUCCESS : MISMATCH;
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> wanted : selector.entrySet()) {
            if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
