package io.kubelite.scheduler.testing;

import io.kubelite.scheduler.algorithm.ClusterSnapshot;
import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.framework.PodInfo;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A large cluster with mixed requests, drawn from a fixed seed so every run measures the same one: nodes of
 * 4-64 cpu and 8-256Gi in three labelled zones, a tenth of them tainted; pods requesting 100m-2 cpu and
 * 128Mi-4Gi with priorities 0-2, a fifth selecting a zone, a twentieth tolerating the taint. At 5,000 nodes
 * and 10,000 pods every pod fits.
 */
public record MixedWorkload(ClusterSnapshot snapshot, List<PodInfo> pods) {

    private static final String[] CPUS = {"100m", "250m", "500m", "1", "2"};
    private static final String[] MEMORIES = {"128Mi", "256Mi", "512Mi", "1Gi", "4Gi"};

    public static MixedWorkload of(int nodeCount, int podCount) {
        SplittableRandom random = new SplittableRandom(42);
        List<NodeInfo> nodes = IntStream.range(0, nodeCount).mapToObj(i -> {
            NodeBuilder node = NodeBuilder.node("node-" + i).allocatable(random.nextInt(4, 65) + "",
                    random.nextInt(8, 257) + "Gi", "110").label("zone", "zone-" + (i % 3));
            if (i % 10 == 0) {
                node.taint("dedicated", "gpu", "NoSchedule");
            }
            return node.info();
        }).toList();
        List<PodInfo> pods = IntStream.range(0, podCount).mapToObj(i -> {
            PodBuilder pod = PodBuilder.pod("pod-" + i).requests(CPUS[random.nextInt(CPUS.length)],
                    MEMORIES[random.nextInt(MEMORIES.length)]).priority(random.nextInt(3));
            if (i % 5 == 0) {
                pod.nodeSelector("zone", "zone-" + (i % 3));
            }
            if (i % 20 == 0) {
                pod.tolerate("dedicated", "Equal", "gpu", "NoSchedule");
            }
            return pod.info();
        }).toList();
        return new MixedWorkload(new ClusterSnapshot(nodes), pods);
    }
}
