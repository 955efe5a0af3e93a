package io.kubelite.store.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.kubelite.store.compaction.ChangeLogCompactor;
import io.kubelite.store.config.DefaultNamespaces;
import io.kubelite.store.lease.NodeLeaseStore;
import io.kubelite.store.postgres.PostgresObjectStore;
import io.kubelite.store.watch.WatchDispatcher;
import java.time.Clock;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A store wired by hand on a test database, for tests that do not need a Spring context: migrated,
 * with the default namespaces, its dispatcher running. Close it when done; registered as a test
 * class's extension, it is closed after the class:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final TestStore fixture = TestStore.onNewDatabase();
 * </pre>
 */
public final class TestStore implements AutoCloseable, AfterAllCallback {

    public final String url;
    public final HikariDataSource dataSource;
    public final WatchDispatcher dispatcher;
    public final ChangeLogCompactor compactor;
    public final PostgresObjectStore store;
    public final NodeLeaseStore leases;

    private TestStore(String url) {
        this.url = url;
        this.dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(TestPostgres.USER);
        dataSource.setMaximumPoolSize(20);
        Flyway.configure().dataSource(dataSource).load().migrate();
        this.dispatcher = new WatchDispatcher(dataSource, Duration.ofSeconds(1), Duration.ofMillis(200));
        dispatcher.start();
        this.compactor = new ChangeLogCompactor(dataSource, Duration.ofMinutes(1), Duration.ofMinutes(5));
        this.store = new PostgresObjectStore(dataSource, dispatcher, Clock.systemUTC());
        DefaultNamespaces.ensure(store);
        this.leases = new NodeLeaseStore(dataSource);
    }

    /** A store on a new, empty database. */
    public static TestStore onNewDatabase() {
        return new TestStore(TestPostgres.newDatabaseUrl());
    }

    /** Another store on the same database, as a second service (or a restarted one) would have. */
    public static TestStore onDatabase(String url) {
        return new TestStore(url);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        store.close();
        dispatcher.close();
        compactor.close();
        dataSource.close();
    }
}
