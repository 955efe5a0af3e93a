package io.kubelite.scheduler.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.scheduler.framework.FilterPlugin;
import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import io.kubelite.scheduler.framework.SchedulingProfile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What any placement must satisfy, replayed placement by placement on the nodes it started from. */
final class PlacementChecks {

    private PlacementChecks() { }

    /**
     * Every placement passes every filter of the profile on its node as filled so far, no node ends over its
     * cpu, memory or pod count, and every pod is decided exactly once: placed or unplaced.
     */
    static void assertValid(Object testCase, SchedulingProfile profile, List<NodeInfo> nodes, List<PodInfo> pods,
                            PlacementResult result) {
        Map<String, NodeInfo> byName = new HashMap<>();
        nodes.forEach(n -> byName.put(n.name(), n));
        for (PlacementResult.Placement placement : result.placements()) {
            NodeInfo node = byName.get(placement.nodeName());
            for (FilterPlugin filter : profile.filters()) {
                assertThat(filter.filter(placement.pod(), node).isSuccess())
                        .as("%s: %s of %s on %s", testCase, filter.name(), placement.pod().name(), node.name())
                        .isTrue();
            }
            node = node.withPod(placement.pod());
            String context = testCase + ": " + node.name() + " after " + placement.pod().name();
            assertThat(node.requestedMilliCpu()).as("%s, cpu", context)
                    .isLessThanOrEqualTo(node.allocatableMilliCpu());
            assertThat(node.requestedMemory()).as("%s, memory", context).isLessThanOrEqualTo(node.allocatableMemory());
            assertThat((long) node.podCount()).as("%s, pods", context).isLessThanOrEqualTo(node.allocatablePods());
            byName.put(node.name(), node);
        }
        Set<String> decided = new HashSet<>();
        result.placements().forEach(p -> assertThat(decided.add(p.pod().uid()))
                .as("%s: %s decided once", testCase, p.pod().name()).isTrue());
        result.unplaced().forEach(u -> assertThat(decided.add(u.pod().uid()))
                .as("%s: %s decided once", testCase, u.pod().name()).isTrue());
        assertThat(decided).as("%s: every pod placed or unplaced", testCase)
                .isEqualTo(pods.stream().map(PodInfo::uid).collect(Collectors.toSet()));
    }
}
