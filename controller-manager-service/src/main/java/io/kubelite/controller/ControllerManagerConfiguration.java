package io.kubelite.controller;

import io.kubelite.controller.informer.Informers;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.leader.LeaderElector;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the informers, the leader election and every {@link Controller} bean into one manager. */
@Configuration(proxyBeanMethods = false)
public class ControllerManagerConfiguration {

    @Bean
    Informers informers(ObjectStore store) {
        return new Informers(store);
    }

    @Bean
    ControllerManager controllerManager(ObjectProvider<Controller> controllers, Informers informers,
                                        DataSource dataSource, ControllerManagerProperties properties) {
        return new ControllerManager(controllers.orderedStream().toList(), informers,
                onElected -> new LeaderElector(dataSource, "controller-manager", properties.leaderRetryInterval(),
                        onElected), properties);
    }
}
