package io.kubelite.controller.deployment;

import io.kubelite.controller.event.EventRecorder;
import io.kubelite.controller.informer.Informers;
import io.kubelite.store.ObjectStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the deployment controller with the controller manager. */
@Configuration(proxyBeanMethods = false)
public class DeploymentControllerConfiguration {

    @Bean
    DeploymentController deploymentController(Informers informers, ObjectStore store, EventRecorder events) {
        return new DeploymentController(informers, store, events, Clock.systemUTC());
    }
}
