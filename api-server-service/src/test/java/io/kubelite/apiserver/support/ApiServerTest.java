package io.kubelite.apiserver.support;

import io.kubelite.store.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API server on a random port over a fresh test PostgreSQL. Every test class extends this one
 * unchanged, so they all share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kubelite.api.max-request-bytes=64KB",
        "kubelite.api.watch.bookmark-interval=300ms",
        "kubelite.api.watch.idle-probe-interval=200ms",
        "kubelite.store.watch-progress-interval=200ms",
        "kubelite.store.compaction-interval=1h",
        // At JVM exit the test PostgreSQL may stop before this context closes; closing must not wait long for it.
        "spring.datasource.hikari.connection-timeout=2000"
})
public abstract class ApiServerTest {

    @LocalServerPort
    protected int port;

    protected ApiClient api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerNewDatabase(registry);
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }
}
