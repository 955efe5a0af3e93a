package io.kubelite.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubelite.controller.informer.Informer;
import io.kubelite.controller.informer.Informers;
import io.kubelite.controller.queue.WorkQueue;
import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import io.kubelite.store.testing.TestPostgres;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.hikari.connection-timeout=2000")
class ControllerManagerTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerNewDatabase(registry);
    }

    @Autowired
    ObjectStore store;

    @Autowired
    ControllerManager manager;

    @Autowired
    NamespaceRecorder recorder;

    @Test
    void leadsAndReconcilesEveryObjectOnElectionThenEachChange() {
        await().atMost(Duration.ofSeconds(10)).until(manager::isLeader);
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.reconciled.contains("default"));

        ObjectNode namespace = Json.MAPPER.createObjectNode();
        namespace.putObject("metadata").put("name", "created-later");
        store.create(ResourceKind.NAMESPACE, namespace, WriteOptions.NONE);

        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.reconciled.contains("created-later"));
    }

    /** A controller that only records what it is asked to reconcile: it tests the manager, not a control loop. */
    static final class NamespaceRecorder implements Controller {

        final List<String> reconciled = new CopyOnWriteArrayList<>();
        private final Informer namespaces;

        NamespaceRecorder(Informers informers) {
            this.namespaces = informers.of(ResourceKind.NAMESPACE);
        }

        @Override
        public String name() {
            return "namespace-recorder";
        }

        @Override
        public void watch(WorkQueue queue) {
            namespaces.addHandler((before, after) -> queue.add(Informer.key(after != null ? after : before)));
        }

        @Override
        public Collection<String> allKeys() {
            return namespaces.list().stream().map(Informer::key).toList();
        }

        @Override
        public Optional<Duration> reconcile(String key) {
            reconciled.add(key);
            return Optional.empty();
        }
    }

    @TestConfiguration
    static class Recorders {
        @Bean
        NamespaceRecorder namespaceRecorder(Informers informers) {
            return new NamespaceRecorder(informers);
        }
    }
}
