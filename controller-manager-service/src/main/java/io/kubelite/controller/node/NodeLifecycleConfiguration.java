package io.kubelite.controller.node;

import io.kubelite.controller.event.EventRecorder;
import io.kubelite.controller.informer.Informers;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.lease.NodeLeaseStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node lifecycle controller and the lease reads it judges nodes by. */
@Configuration(proxyBeanMethods = false)
class NodeLifecycleConfiguration {

    @Bean
    LeaseMonitor leaseMonitor(NodeLeaseStore leases, NodeLifecycleProperties properties) {
        return new LeaseMonitor(leases, Clock.systemUTC(), properties.monitorPeriod());
    }

    @Bean
    NodeLifecycleController nodeLifecycleController(ObjectStore store, Informers informers, LeaseMonitor leases,
                                                    EventRecorder events, NodeLifecycleProperties properties) {
        return new NodeLifecycleController(store, informers, leases, events, properties, Clock.systemUTC());
    }
}
