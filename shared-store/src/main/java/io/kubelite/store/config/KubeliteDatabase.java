package io.kubelite.store.config;

import com.zaxxer.hikari.HikariDataSource;
import io.kubelite.store.embedded.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database this service uses: the external server {@code kubelite.db.url} names, or else the
 * embedded PostgreSQL under {@code kubelite.home}. Closing it leaves an external server alone and
 * stops the embedded one when no other service uses it.
 */
public final class KubeliteDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KubeliteDatabase.class);

    private final String url;
    private final String user;
    private final String password;
    private final String applicationName;
    private final EmbeddedPostgresServer embedded;

    private KubeliteDatabase(String url, String user, String password, String applicationName,
                             EmbeddedPostgresServer embedded) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.applicationName = applicationName;
        this.embedded = embedded;
    }

    public static KubeliteDatabase open(KubeliteProperties properties) {
        KubeliteProperties.Db db = properties.db();
        if (db.external()) {
            log.info("Using the PostgreSQL database at {}", db.url());
            return new KubeliteDatabase(db.url(), db.user(), db.password(), "kubelite", null);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(properties.home());
        log.info("Using the embedded PostgreSQL at {} (data in {})", server.jdbcUrl(), server.dataDirectory());
        return new KubeliteDatabase(server.jdbcUrl(), EmbeddedPostgresServer.USER, null,
                server.applicationName(), server);
    }

    /** A connection pool on this database; spring.datasource.hikari.* settings apply on top. */
    public HikariDataSource newDataSource() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setPoolName("kubelite");
        dataSource.addDataSourceProperty("ApplicationName", applicationName);
        return dataSource;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
