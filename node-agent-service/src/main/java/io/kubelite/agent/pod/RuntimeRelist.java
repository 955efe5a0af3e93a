package io.kubelite.agent.pod;

import io.kubelite.agent.PeriodicTask;
import io.kubelite.agent.runtime.ContainerRuntime;
import io.kubelite.agent.runtime.RuntimeContainer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every sync period, lists what the runtime holds on the hosted nodes and wakes the pods whose containers changed
 * (one ended, say) and those with containers but no pod, like the kubelet's PLEG relist. Also restarts the pod
 * informer's list and watch after its watch ended.
 */
public final class RuntimeRelist implements AutoCloseable {

    private final ContainerRuntime runtime;
    private final Set<String> hostedNodes;
    private final PodInformer informer;
    private final PodCache cache;
    private final PodWorkers workers;
    private final PeriodicTask task;
    private Map<String, String> lastSeen = Map.of();

    public RuntimeRelist(ContainerRuntime runtime, Set<String> hostedNodes, PodInformer informer, PodCache cache,
                         PodWorkers workers, Duration period) {
        this.runtime = runtime;
        this.hostedNodes = Set.copyOf(hostedNodes);
        this.informer = informer;
        this.cache = cache;
        this.workers = workers;
        this.task = new PeriodicTask("runtime-relist", "list the runtime's containers or the pods", period,
                this::relist);
    }

    public void start() {
        task.start();
    }

    private void relist() {
        informer.syncIfNeeded();
        Map<String, String> seen = fingerprints(runtime.containers(hostedNodes));
        for (Map.Entry<String, String> pod : seen.entrySet()) {
            if (!pod.getValue().equals(lastSeen.get(pod.getKey())) || cache.get(pod.getKey()) == null) {
                workers.enqueue(pod.getKey());
            }
        }
        lastSeen.keySet().stream().filter(uid -> !seen.containsKey(uid)).forEach(workers::enqueue);
        lastSeen = seen;
    }

    /** Per pod uid, the ids and states of its containers: a change means something happened to them. */
    private static Map<String, String> fingerprints(List<RuntimeContainer> containers) {
        Map<String, List<RuntimeContainer>> byPod = containers.stream()
                .collect(Collectors.groupingBy(c -> c.pod().uid(), HashMap::new, Collectors.toList()));
        Map<String, String> fingerprints = new HashMap<>();
        byPod.forEach((uid, list) -> fingerprints.put(uid, list.stream()
                .map(c -> c.id() + ":" + c.state() + ":" + Objects.toString(c.exitCode(), ""))
                .sorted().collect(Collectors.joining(","))));
        return fingerprints;
    }

    @Override
    public void close() {
        task.close();
    }
}
