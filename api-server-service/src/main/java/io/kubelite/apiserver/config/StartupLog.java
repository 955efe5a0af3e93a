package io.kubelite.apiserver.config;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** One line at startup saying where the API server listens and which database it uses. */
@Component
class StartupLog {

    private static final Logger log = LoggerFactory.getLogger(StartupLog.class);

    private final DataSource dataSource;
    private final Environment environment;

    StartupLog(DataSource dataSource, Environment environment) {
        this.dataSource = dataSource;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        log.info("kube-lite API server listening on http://localhost:{} (Swagger UI /swagger-ui/index.html), database {}",
                environment.getProperty("local.server.port"), databaseUrl());
    }

    private String databaseUrl() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            return "unreachable (" + e.getMessage() + ")";
        }
    }
}
