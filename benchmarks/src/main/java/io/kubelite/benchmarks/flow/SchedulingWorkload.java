package io.kubelite.benchmarks.flow;

import io.kubelite.scheduler.flow.AllocationCost;
import io.kubelite.scheduler.flow.PlacementProblem;
import java.util.Random;

/**
 * A reproducible batch for the placement benchmarks: nodes of four shapes (4 to 32 cores, 4 GiB per core,
 * 110 pods), some already partly used, a tenth tainted for GPU work and a third in zone "a"; pod classes with
 * mixed cpu and memory requests, a few tolerating the GPU taint and a few selecting zone "a". Costed by
 * LeastAllocated over cpu and memory, kube-scheduler's default score.
 *
 * @param nodes   cluster nodes
 * @param pods    pending pods in the batch
 * @param classes distinct pod shapes (equivalence classes)
 * @param usedUpTo the most of each node's cpu and memory already requested, in percent
 * @param seed    the random seed; one seed gives one workload
 */
public record SchedulingWorkload(int nodes, int pods, int classes, int usedUpTo, long seed) {

    public static final int CPU = 0;
    public static final int MEMORY = 1;
    public static final int PODS = 2;
    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;
    private static final long[] MILLI_CPU = {100, 250, 500, 1000, 2000, 4000};
    private static final long[] MEMORY_MIB = {128, 256, 512, 1024, 2048, 4096, 8192};

    public PlacementProblem problem() {
        Random random = new Random(seed);
        long[][] allocatable = new long[nodes][];
        long[][] requested = new long[nodes][];
        boolean[] gpu = new boolean[nodes];
        boolean[] zoneA = new boolean[nodes];
        for (int n = 0; n < nodes; n++) {
            long cores = 4L << random.nextInt(4);
            allocatable[n] = new long[] {cores * 1000, cores * 4 * GIB, 110};
            int used = usedUpTo == 0 ? 0 : random.nextInt(usedUpTo + 1);
            requested[n] = new long[] {allocatable[n][CPU] * used / 100, allocatable[n][MEMORY] * used / 100,
                    used * 110L / 100};
            gpu[n] = random.nextInt(10) == 0;
            zoneA[n] = random.nextInt(3) == 0;
        }
        long[][] requests = new long[classes][];
        boolean[] toleratesGpu = new boolean[classes];
        boolean[] wantsZoneA = new boolean[classes];
        for (int c = 0; c < classes; c++) {
            requests[c] = new long[] {MILLI_CPU[random.nextInt(MILLI_CPU.length)],
                    MEMORY_MIB[random.nextInt(MEMORY_MIB.length)] * MIB, 1};
            toleratesGpu[c] = c % 10 == 0;
            wantsZoneA[c] = c % 7 == 3;
        }
        int[] counts = splitCounts(random);
        return new PlacementProblem(counts, requests, allocatable, requested,
                (c, n) -> (!gpu[n] || toleratesGpu[c]) && (!wantsZoneA[c] || zoneA[n]),
                new AllocationCost(requests, allocatable, requested, 1, 0, CPU, MEMORY));
    }

    /** The pods split among the classes at random, every class getting at least one when there are enough. */
    private int[] splitCounts(Random random) {
        int[] counts = new int[classes];
        int left = pods;
        for (int c = 0; c < classes && left > 0; c++) {
            counts[c] = 1;
            left--;
        }
        double[] weights = new double[classes];
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            weights[c] = 0.2 + random.nextDouble();
            sum += weights[c];
        }
        int assigned = 0;
        for (int c = 0; c < classes; c++) {
            int share = (int) (left * weights[c] / sum);
            counts[c] += share;
            assigned += share;
        }
        counts[0] += left - assigned;
        return counts;
    }
}
