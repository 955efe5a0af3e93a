package io.kubelite.controller.gc;

import io.kubelite.controller.informer.Informers;
import io.kubelite.store.ObjectStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The garbage collector. */
@Configuration(proxyBeanMethods = false)
class GarbageCollectorConfiguration {

    @Bean
    GarbageCollector garbageCollector(Informers informers, ObjectStore store) {
        return new GarbageCollector(informers, store);
    }
}
