package io.kubelite.scheduler.testing;

import io.kubelite.model.core.Node;
import io.kubelite.model.core.NodeCondition;
import io.kubelite.model.core.NodeSpec;
import io.kubelite.model.core.NodeStatus;
import io.kubelite.model.core.Taint;
import io.kubelite.model.meta.ObjectMeta;
import io.kubelite.model.quantity.Quantity;
import io.kubelite.scheduler.framework.NodeInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Nodes for tests: Ready, schedulable, 4 cpu, 8Gi and 110 pods unless told otherwise. */
public final class NodeBuilder {

    private final String name;
    private String cpu = "4";
    private String memory = "8Gi";
    private String pods = "110";
    private String ready = "True";
    private boolean unschedulable;
    private final Map<String, String> labels = new HashMap<>();
    private final List<Taint> taints = new ArrayList<>();

    private NodeBuilder(String name) {
        this.name = name;
    }

    public static NodeBuilder node(String name) {
        return new NodeBuilder(name);
    }

    public NodeBuilder allocatable(String cpu, String memory, String pods) {
        this.cpu = cpu;
        this.memory = memory;
        this.pods = pods;
        return this;
    }

    public NodeBuilder ready(String status) {
        this.ready = status;
        return this;
    }

    public NodeBuilder unschedulable() {
        this.unschedulable = true;
        return this;
    }

    public NodeBuilder label(String key, String value) {
        labels.put(key, value);
        return this;
    }

    public NodeBuilder taint(String key, String value, String effect) {
        taints.add(new Taint(key, value, effect, null));
        return this;
    }

    public Node build() {
        Map<String, Quantity> allocatable = Map.of("cpu", Quantity.parse(cpu), "memory", Quantity.parse(memory),
                "pods", Quantity.parse(pods));
        List<NodeCondition> conditions = ready == null ? List.of()
                : List.of(new NodeCondition("Ready", ready, null, null, null, null));
        return new Node(Node.API_VERSION, Node.KIND, ObjectMeta.named(name).withLabels(Map.copyOf(labels)),
                new NodeSpec(null, null, null, unschedulable ? Boolean.TRUE : null, List.copyOf(taints)),
                new NodeStatus(allocatable, allocatable, conditions, null, null, null));
    }

    public NodeInfo info() {
        return NodeInfo.of(build());
    }
}
