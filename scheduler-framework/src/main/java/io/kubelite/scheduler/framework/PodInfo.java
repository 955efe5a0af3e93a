package io.kubelite.scheduler.framework;

import io.kubelite.model.core.Container;
import io.kubelite.model.core.Pod;
import io.kubelite.model.core.PodSpec;
import io.kubelite.model.meta.ObjectMeta;
import io.kubelite.model.quantity.Quantity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A pod as the scheduler sees it, with its requests computed once.
 *
 * @param uid             identity across renames and re-creations
 * @param namespace       the pod's namespace
 * @param name            the pod's name
 * @param resourceVersion the version the scheduler read, which binding compares against
 * @param milliCpu        requested cpu in thousandths of a core
 * @param memoryBytes     requested memory in bytes
 * @param priority        {@code spec.priority}, 0 when absent; higher is scheduled first
 * @param created         {@code metadata.creationTimestamp}; earlier is scheduled first among equal priorities
 * @param constraints     node selector and tolerations
 */
public record PodInfo(String uid, String namespace, String name, String resourceVersion, long milliCpu,
                      long memoryBytes, int priority, Instant created, PlacementConstraints constraints) {

    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";

    /** The scheduling queue's order: priority first, then creation, then name, the same on every run. */
    public static final Comparator<PodInfo> QUEUE_ORDER = Comparator.comparingInt(PodInfo::priority).reversed()
            .thenComparing(PodInfo::created)
            .thenComparing(PodInfo::namespace)
            .thenComparing(PodInfo::name);

    /**
     * Reads a pod. Its requests are those of Kubernetes: the sum over its containers, or the largest init
     * container's request when that is more (init containers run one at a time, before the others).
     */
    public static PodInfo of(Pod pod) {
        ObjectMeta meta = pod.metadata();
        PodSpec spec = pod.spec();
        List<Container> containers = spec == null || spec.containers() == null ? List.of() : spec.containers();
        List<Container> initContainers = spec == null || spec.initContainers() == null
                ? List.of() : spec.initContainers();
        long cpu = 0;
        long memory = 0;
        for (Container container : containers) {
            cpu += request(container, CPU, true);
            memory += request(container, MEMORY, false);
        }
        for (Container container : initContainers) {
            cpu = Math.max(cpu, request(container, CPU, true));
            memory = Math.max(memory, request(container, MEMORY, false));
        }
        PlacementConstraints constraints = spec == null
                ? PlacementConstraints.NONE : new PlacementConstraints(spec.nodeSelector(), spec.tolerations());
        int priority = spec == null || spec.priority() == null ? 0 : spec.priority();
        return new PodInfo(meta.uid(), meta.namespace(), meta.name(), meta.resourceVersion(), cpu, memory, priority,
                meta.creationTimestamp() == null ? Instant.EPOCH : meta.creationTimestamp(), constraints);
    }

    /** {@code namespace/name}, as logs and messages name a pod. */
    public String key() {
        return namespace + "/" + name;
    }

    private static long request(Container container, String resource, boolean millis) {
        if (container.resources() == null || container.resources().requests() == null) {
            return 0;
        }
        Map<String, Quantity> requests = container.resources().requests();
        Quantity quantity = requests.get(resource);
        if (quantity == null) {
            return 0;
        }
        return millis ? quantity.milliValue() : quantity.value();
    }
}
