package io.kubelite.controller.replicaset;

import io.kubelite.controller.event.EventRecorder;
import io.kubelite.controller.informer.Informers;
import io.kubelite.store.ObjectStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ReplicaSet controller. */
@Configuration(proxyBeanMethods = false)
class ReplicaSetConfiguration {

    @Bean
    ReplicaSetController replicaSetController(Informers informers, ObjectStore store, EventRecorder events) {
        return new ReplicaSetController(informers, store, events, Clock.systemUTC());
    }
}
