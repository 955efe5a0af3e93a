package io.kubelite.scheduler.plugins;

import io.kubelite.model.core.Taint;
import io.kubelite.model.core.Toleration;
import io.kubelite.scheduler.framework.FilterPlugin;
import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.Status;
import java.util.List;

/**
 * The pod tolerates every {@code NoSchedule} and {@code NoExecute} taint of the node. {@code PreferNoSchedule}
 * taints never rule a node out.
 */
public final class TaintToleration implements FilterPlugin {

    public static final String NAME = "TaintToleration";
    static final String NO_SCHEDULE = "NoSchedule";
    static final String NO_EXECUTE = "NoExecute";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(PodInfo pod, NodeInfo node) {
        List<Taint> taints = node.node().spec() == null ? null : node.node().spec().taints();
        if (taints == null) {
            return Status.SUCCESS;
        }
        Taint untolerated = firstUntolerated(taints, pod.constraints().tolerations());
        return untolerated == null ? Status.SUCCESS
                : Status.unresolvable("node(s) had untolerated taint {" + untolerated.key() + ": "
                        + (untolerated.value() == null ? "" : untolerated.value()) + "}");
    }

    /** The first taint that keeps pods off and that no toleration matches, or null. */
    static Taint firstUntolerated(List<Taint> taints, List<Toleration> tolerations) {
        for (Taint taint : taints) {
            if (!NO_SCHEDULE.equals(taint.effect()) && !NO_EXECUTE.equals(taint.effect())) {
                continue;
            }
            boolean tolerated = false;
            for (Toleration toleration : tolerations) {
                if (toleration.tolerates(taint)) {
                    tolerated = true;
                    break;
                }
            }
            if (!tolerated) {
                return taint;
            }
        }
        return null;
    }
}
