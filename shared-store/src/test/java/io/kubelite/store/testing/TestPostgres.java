package io.kubelite.store.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One embedded PostgreSQL per test JVM (started on first use, in a temporary directory, stopped when
 * the JVM exits) and a fresh database for each caller. For Spring Boot tests:
 *
 * <pre>
 * &#64;DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *     TestPostgres.registerNewDatabase(registry);
 * }
 * </pre>
 */
public final class TestPostgres {

    public static final String USER = "postgres";
    /**
     * Set to {@code true} (a system property) to run the test server as durably as a real one, with fsync and
     * synchronous commit on; measurements that claim figures on PostgreSQL use it. Tests run faster without.
     */
    public static final String DURABLE_PROPERTY = "kubelite.test.durable";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() { }

    /** Creates an empty database and returns its JDBC URL (user {@link #USER}, no password). */
    public static String newDatabaseUrl() {
        EmbeddedPostgres postgres = server();
        String name = "kubelite_test_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
    }

    /** Points {@code kubelite.db.*} of a Spring Boot test at a new database. */
    public static void registerNewDatabase(DynamicPropertyRegistry registry) {
        String url = newDatabaseUrl();
        registry.add("kubelite.db.url", () -> url);
        registry.add("kubelite.db.user", () -> USER);
        registry.add("kubelite.db.password", () -> "");
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (Boolean.getBoolean(DURABLE_PROPERTY)) {
                    builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                            .setServerConfig("full_page_writes", "on");
                }
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the test PostgreSQL", e);
            }
        }
        return server;
    }
}
