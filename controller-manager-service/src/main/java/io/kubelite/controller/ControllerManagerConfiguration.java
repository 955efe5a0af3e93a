package io.kubelite.controller;

import io.kubelite.controller.event.EventRecorder;
import io.kubelite.controller.informer.Informers;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.leader.LeaderElector;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the informers, the leader election and every {@link Controller} bean into one manager. */
@Configuration(proxyBeanMethods = false)
public class ControllerManagerConfiguration {

    @Bean
    EventRecorder eventRecorder(ObjectStore store) {
        String instance;
        try {
            instance = InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
        } catch (UnknownHostException e) {
            instance = "pid-" + ProcessHandle.current().pid();
        }
        return new EventRecorder(store, Clock.systemUTC(), instance);
    }

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
