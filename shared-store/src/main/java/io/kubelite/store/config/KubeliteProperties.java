package io.kubelite.store.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every kube-lite service shares ({@code kubelite.*}; environment variables bind through
 * relaxed binding: {@code KUBELITE_HOME}, {@code KUBELITE_DB_URL}, ...).
 *
 * @param home  where kube-lite keeps its data, among it the embedded PostgreSQL (default ~/.kube-lite)
 * @param db    the database; without a URL, the embedded PostgreSQL under {@code home}
 * @param store store timings
 */
@ConfigurationProperties("kubelite")
public record KubeliteProperties(Path home, @DefaultValue Db db, @DefaultValue Store store) {

    public KubeliteProperties {
        if (home == null) {
            home = Path.of(System.getProperty("user.home"), ".kube-lite");
        }
    }

    /**
     * @param url      JDBC URL of an external PostgreSQL; empty for the embedded one
     * @param user     its user
     * @param password its password
     */
    public record Db(String url, String user, String password) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * @param watchPollInterval     how often the watch dispatcher reads the change log without a notification
     * @param watchProgressInterval how often every watch hears the revision it has seen up to (bookmarks)
     * @param compactionInterval    how often old changes are removed from the change log
     * @param retention             how long changes stay in the change log (watches can resume that far back)
     */
    public record Store(@DefaultValue("1s") Duration watchPollInterval,
                        @DefaultValue("1s") Duration watchProgressInterval,
                        @DefaultValue("1m") Duration compactionInterval,
                        @DefaultValue("5m") Duration retention) { }
}
