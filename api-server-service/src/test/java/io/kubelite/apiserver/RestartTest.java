package io.kubelite.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.apiserver.support.ApiClient;
import io.kubelite.apiserver.support.ApiResponse;
import io.kubelite.apiserver.support.Manifests;
import io.kubelite.apiserver.support.WatchReader;
import io.kubelite.model.ResourceKind;
import io.kubelite.store.testing.TestPostgres;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The API server as a process would run it: started, stopped and started again on one database. */
class RestartTest {

    private static ConfigurableApplicationContext start(String databaseUrl) {
        return new SpringApplicationBuilder(ApiServerApplication.class)
                .run("--server.port=0", "--kubelite.db.url=" + databaseUrl, "--kubelite.db.user=" + TestPostgres.USER,
                        "--kubelite.db.password=");
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void objectsWrittenBeforeARestartAreThereAfterItAndOpenWatchesEndAtShutdown() {
        String database = TestPostgres.newDatabaseUrl();
        String pods = Manifests.collection(ResourceKind.POD);
        String deployments = Manifests.collection(ResourceKind.DEPLOYMENT);

        ConfigurableApplicationContext first = start(database);
        ApiClient api = client(first);
        assertThat(api.post(pods, Manifests.pod("survivor")).code()).isEqualTo(201);
        assertThat(api.post(deployments, Manifests.workload(ResourceKind.DEPLOYMENT, "web", 3)).code()).isEqualTo(201);
        String uid = api.get(pods + "/survivor").json().path("metadata").path("uid").asString();

        WatchReader watch = api.watch(pods + "?watch=true&timeoutSeconds=600");
        assertThat(watch.nextChange(Duration.ofSeconds(5)).path("type").asString()).isEqualTo("ADDED");
        long stopping = System.nanoTime();
        first.close();
        Duration shutdown = Duration.ofNanos(System.nanoTime() - stopping);
        watch.awaitEnd(Duration.ofSeconds(5));
        assertThat(shutdown).isLessThan(Duration.ofSeconds(10));

        ConfigurableApplicationContext second = start(database);
        try {
            ApiClient restarted = client(second);
            ApiResponse pod = restarted.get(pods + "/survivor");
            assertThat(pod.code()).isEqualTo(200);
            assertThat(pod.json().path("metadata").path("uid").asString()).isEqualTo(uid);
            assertThat(restarted.get(deployments + "/web").json().path("spec").path("replicas").asInt()).isEqualTo(3);
        } finally {
            second.close();
        }
    }
}
