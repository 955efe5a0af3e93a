package io.kubelite.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

/** Services sharing the embedded PostgreSQL under one kube-lite home, as Spring Boot applications. */
class EmbeddedDatabaseSharingTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service { }

    @TempDir
    Path home;

    private ConfigurableApplicationContext startService() {
        return new SpringApplicationBuilder(Service.class)
                .web(WebApplicationType.NONE)
                // Arguments, not default properties: they must win over a KUBELITE_HOME in the environment.
                .run("--kubelite.home=" + home, "--spring.main.banner-mode=off");
    }

    private static String databaseUrl(ConfigurableApplicationContext service) {
        return service.getBean(JdbcTemplate.class).execute((Connection c) -> c.getMetaData().getURL());
    }

    @Test
    void servicesShareOneServerWhichKeepsItsDataAndStopsWithTheLastService() throws Exception {
        Path pidFile = home.resolve("postgres").resolve("postmaster.pid");
        ObjectNode pod = Json.MAPPER.createObjectNode();
        pod.putObject("metadata").put("name", "kept");
        pod.putObject("spec").putArray("containers").addObject().put("name", "c").put("image", "busybox");

        String url;
        try (ConfigurableApplicationContext first = startService()) {
            first.getBean(ObjectStore.class).create(ResourceKind.POD, pod, WriteOptions.NONE);
            url = databaseUrl(first);
            try (ConfigurableApplicationContext second = startService()) {
                assertThat(databaseUrl(second)).isEqualTo(url);
                assertThat(second.getBean(ObjectStore.class).get(ResourceKind.POD, "default", "kept")).isNotNull();
                first.close();
                assertThat(second.getBean(ObjectStore.class).get(ResourceKind.POD, "default", "kept")).isNotNull();
                assertThat(pidFile).exists();
            }
        }
        assertThat(pidFile).doesNotExist();
        assertThat(answers(url)).isFalse();

        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.writeString(pidFile, dead.pid() + "\n" + home.resolve("postgres") + "\n0\n5432\n");

        try (ConfigurableApplicationContext restarted = startService()) {
            assertThat(restarted.getBean(ObjectStore.class).get(ResourceKind.POD, "default", "kept")).isNotNull();
            assertThat(restarted.getBean(DataSource.class)).isNotNull();
        }
    }

    private static boolean answers(String url) {
        Properties properties = new Properties();
        properties.setProperty("user", EmbeddedPostgresServer.USER);
        properties.setProperty("connectTimeout", "2");
        try (Connection ignored = DriverManager.getConnection(url, properties)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
