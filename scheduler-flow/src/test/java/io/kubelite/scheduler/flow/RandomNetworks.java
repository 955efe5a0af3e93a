package io.kubelite.scheduler.flow;

import java.util.Random;

/** Small random networks for property tests; negative costs only on acyclic ones, so no cycle is negative. */
final class RandomNetworks {

    static FlowNetwork random(Random random, int size, boolean acyclicWithNegativeCosts) {
        int arcs = random.nextInt(size * 3 + 1);
        FlowNetwork network = new FlowNetwork(size, arcs);
        for (int i = 0; i < arcs; i++) {
            int tail = random.nextInt(size);
            int head = random.nextInt(size);
            if (acyclicWithNegativeCosts) {
                if (tail == head) {
                    continue;
                }
                int low = Math.min(tail, head);
                head = Math.max(tail, head);
                tail = low;
            }
            long cost = acyclicWithNegativeCosts ? random.nextInt(21) - 10 : random.nextInt(21);
            network.addArc(tail, head, random.nextInt(8), cost);
        }
        int balance = 0;
        for (int v = 0; v < size - 1; v++) {
            int supply = random.nextInt(3) == 0 ? random.nextInt(11) - 5 : 0;
            network.setSupply(v, supply);
            balance += supply;
        }
        if (size > 0) {
            network.setSupply(size - 1, -balance);
        }
        return network;
    }

    private RandomNetworks() {
    }
}
