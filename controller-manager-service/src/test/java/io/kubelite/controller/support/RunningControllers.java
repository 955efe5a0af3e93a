package io.kubelite.controller.support;

import io.kubelite.controller.ControllerManager;
import io.kubelite.controller.ControllerManagerProperties;
import io.kubelite.controller.event.EventRecorder;
import io.kubelite.controller.gc.GarbageCollector;
import io.kubelite.controller.informer.Informers;
import io.kubelite.controller.replicaset.ReplicaSetController;
import io.kubelite.store.leader.LeaderElector;
import io.kubelite.store.testing.TestStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** A controller manager running the ReplicaSet controller and the garbage collector, wired by hand on a store. */
public final class RunningControllers implements AutoCloseable {

    private final ReplicaSetController replicaSets;
    private final ControllerManager manager;

    public RunningControllers(TestStore fixture, String instance) {
        Informers informers = new Informers(fixture.store);
        EventRecorder events = new EventRecorder(fixture.store, Clock.systemUTC(), instance);
        this.replicaSets = new ReplicaSetController(informers, fixture.store, events, Clock.systemUTC());
        GarbageCollector collector = new GarbageCollector(informers, fixture.store);
        ControllerManagerProperties properties = new ControllerManagerProperties(4, Duration.ofSeconds(30),
                Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofMillis(200));
        this.manager = new ControllerManager(List.of(replicaSets, collector), informers,
                onElected -> new LeaderElector(fixture.dataSource, "controller-manager",
                        properties.leaderRetryInterval(), onElected), properties);
        manager.start();
    }

    public boolean isLeader() {
        return manager.isLeader();
    }

    @Override
    public void close() {
        manager.stop();
        replicaSets.close();
    }
}
