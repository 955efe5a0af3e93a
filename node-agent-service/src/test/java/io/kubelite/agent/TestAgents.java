package io.kubelite.agent;

import io.kubelite.agent.runtime.ContainerRuntime;
import io.kubelite.store.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts node agents by hand on a test database, so that a test can stop one and start another. */
final class TestAgents {

    private TestAgents() { }

    /**
     * An agent on the database at {@code url}, on a random port, with these extra properties; with a runtime, that
     * runtime instead of its own (as a restarted agent finds the containers of the one before).
     */
    static ConfigurableApplicationContext start(String url, ContainerRuntime runtime, String... properties) {
        List<String> all = new ArrayList<>(List.of("server.port=0", "kubelite.db.url=" + url,
                "kubelite.db.user=" + TestPostgres.USER, "kubelite.db.password=",
                "spring.datasource.hikari.connection-timeout=2000"));
        all.addAll(List.of(properties));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(NodeAgentApplication.class)
                .properties(all.toArray(String[]::new));
        if (runtime != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("containerRuntime", runtime));
        }
        return builder.run();
    }
}
