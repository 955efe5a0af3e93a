package io.kubelite.scheduler.testing;

import io.kubelite.model.core.Container;
import io.kubelite.model.core.Pod;
import io.kubelite.model.core.PodSpec;
import io.kubelite.model.core.ResourceRequirements;
import io.kubelite.model.core.Toleration;
import io.kubelite.model.meta.ObjectMeta;
import io.kubelite.model.quantity.Quantity;
import io.kubelite.scheduler.framework.PodInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pods for tests: one container requesting nothing, in namespace default, unless told otherwise. */
public final class PodBuilder {

    private final String name;
    private String cpu;
    private String memory;
    private Integer priority;
    private Instant created = Instant.parse("2026-01-01T00:00:00Z");
    private final Map<String, String> nodeSelector = new HashMap<>();
    private final List<Toleration> tolerations = new ArrayList<>();

    private PodBuilder(String name) {
        this.name = name;
    }

    public static PodBuilder pod(String name) {
        return new PodBuilder(name);
    }

    public PodBuilder requests(String cpu, String memory) {
        this.cpu = cpu;
        this.memory = memory;
        return this;
    }

    public PodBuilder priority(int priority) {
        this.priority = priority;
        return this;
    }

    public PodBuilder created(Instant created) {
        this.created = created;
        return this;
    }

    public PodBuilder nodeSelector(String key, String value) {
        nodeSelector.put(key, value);
        return this;
    }

    public PodBuilder tolerate(String key, String operator, String value, String effect) {
        tolerations.add(new Toleration(key, operator, value, effect, null));
        return this;
    }

    public Pod build() {
        Map<String, Quantity> requests = new HashMap<>();
        if (cpu != null) {
            requests.put("cpu", Quantity.parse(cpu));
        }
        if (memory != null) {
            requests.put("memory", Quantity.parse(memory));
        }
        Container container = new Container("main", "busybox", null, null, null, null, null,
                new ResourceRequirements(null, requests), null, null, null, null, null, null);
        PodSpec spec = new PodSpec(List.of(container), null, null, null, null, null, Map.copyOf(nodeSelector),
                null, null, null, null, null, null, List.copyOf(tolerations), null, priority);
        ObjectMeta meta = ObjectMeta.named("default", name).withUid("uid-" + name).withResourceVersion("1")
                .withCreationTimestamp(created);
        return Pod.of(meta, spec);
    }

    public PodInfo info() {
        return PodInfo.of(build());
    }
}
