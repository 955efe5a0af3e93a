package io.kubelite.scheduler.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.scheduler.framework.FilterPlugin;
import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.SchedulingProfile;
import io.kubelite.scheduler.plugins.InTreePlugins;
import io.kubelite.scheduler.testing.NodeBuilder;
import io.kubelite.scheduler.testing.PodBuilder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the cluster and the pods, greedy never overcommits a node nor places a pod a filter rejects. */
class GreedyPlacementPropertiesTest {

    private static final List<String> ZONES = List.of("a", "b", "c");
    private static final List<String> EFFECTS = List.of("NoSchedule", "NoExecute", "PreferNoSchedule");

    @Property(tries = 1000)
    void neverOvercommitsNorPlacesAPodAFilterRejects(@ForAll("nodes") List<NodeInfo> nodes,
                                                     @ForAll("pods") List<PodInfo> pods,
                                                     @ForAll("weights") Map<String, Integer> weights,
                                                     @ForAll long seed) {
        SchedulingProfile profile = InTreePlugins.profile(weights);
        PlacementResult result = new GreedyAlgorithm(profile, new Random(seed)).place(pods, new ClusterSnapshot(nodes));

        Map<String, NodeInfo> byName = new HashMap<>();
        nodes.forEach(n -> byName.put(n.name(), n));
        for (PlacementResult.Placement placement : result.placements()) {
            NodeInfo node = byName.get(placement.nodeName());
            for (FilterPlugin filter : profile.filters()) {
                assertThat(filter.filter(placement.pod(), node).isSuccess())
                        .as("%s of %s on %s", filter.name(), placement.pod().name(), node.name()).isTrue();
            }
            node = node.withPod(placement.pod());
            assertThat(node.requestedMilliCpu()).isLessThanOrEqualTo(node.allocatableMilliCpu());
            assertThat(node.requestedMemory()).isLessThanOrEqualTo(node.allocatableMemory());
            assertThat((long) node.podCount()).isLessThanOrEqualTo(node.allocatablePods());
            byName.put(node.name(), node);
        }
        Set<String> decided = new HashSet<>();
        result.placements().forEach(p -> assertThat(decided.add(p.pod().uid())).isTrue());
        result.unplaced().forEach(u -> assertThat(decided.add(u.pod().uid())).isTrue());
        assertThat(decided).isEqualTo(pods.stream().map(PodInfo::uid).collect(Collectors.toSet()));
    }

    @Provide
    Arbitrary<List<NodeInfo>> nodes() {
        return node().list().ofMinSize(0).ofMaxSize(12).map(list -> IntStream.range(0, list.size())
                .mapToObj(i -> list.get(i).apply("node-" + i)).toList());
    }

    @Provide
    Arbitrary<List<PodInfo>> pods() {
        return pod().list().ofMaxSize(40).map(list -> IntStream.range(0, list.size())
                .mapToObj(i -> list.get(i).apply("pod-" + i)).toList());
    }

    @Provide
    Arbitrary<Map<String, Integer>> weights() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3))
                .as((least, most) -> Map.of("LeastAllocated", least, "MostAllocated", most));
    }

    /** A node (named later) with random allocatable, labels, taints, state and a pod already bound to it. */
    private static Arbitrary<Function<String, NodeInfo>> node() {
        Arbitrary<Integer> cpu = Arbitraries.integers().between(0, 8000);
        Arbitrary<Integer> memoryMi = Arbitraries.integers().between(0, 16384);
        Arbitrary<Integer> podSlots = Arbitraries.integers().between(1, 8);
        Arbitrary<String> zone = Arbitraries.of(ZONES).injectNull(0.2);
        Arbitrary<String> taintEffect = Arbitraries.of(EFFECTS).injectNull(0.5);
        Arbitrary<String> ready = Arbitraries.of("True", "True", "True", "False");
        Arbitrary<Boolean> cordoned = Arbitraries.of(false, false, false, true);
        Arbitrary<Integer> boundCpu = Arbitraries.integers().between(0, 6000);
        return Combinators.combine(cpu, memoryMi, podSlots, zone, taintEffect, ready, cordoned, boundCpu)
                .as((c, m, slots, z, effect, r, cordon, bound) -> name -> {
                    NodeBuilder builder = NodeBuilder.node(name).allocatable(c + "m", m + "Mi", slots.toString())
                            .ready(r);
                    if (z != null) {
                        builder.label("zone", z);
                    }
                    if (effect != null) {
                        builder.taint("dedicated", "gpu", effect);
                    }
                    if (cordon) {
                        builder.unschedulable();
                    }
                    return builder.info().withPod(PodBuilder.pod(name + "-bound").requests(Math.min(bound, c) + "m", Math.min(64, m) + "Mi")
                            .info());
                });
    }

    /** A pod (named later) with random requests, priority, selector and tolerations. */
    private static Arbitrary<Function<String, PodInfo>> pod() {
        Arbitrary<Integer> cpu = Arbitraries.integers().between(0, 4000);
        Arbitrary<Integer> memoryMi = Arbitraries.integers().between(0, 8192);
        Arbitrary<Integer> priority = Arbitraries.integers().between(0, 3);
        Arbitrary<String> zone = Arbitraries.of(ZONES).injectNull(0.6);
        Arbitrary<String> tolerated = Arbitraries.of(EFFECTS).injectNull(0.5);
        return Combinators.combine(cpu, memoryMi, priority, zone, tolerated).as((c, m, p, z, effect) -> name -> {
            PodBuilder builder = PodBuilder.pod(name).requests(c + "m", m + "Mi").priority(p);
            if (z != null) {
                builder.nodeSelector("zone", z);
            }
            if (effect != null) {
                builder.tolerate("dedicated", "Equal", "gpu", effect);
            }
            return builder.info();
        });
    }
}
