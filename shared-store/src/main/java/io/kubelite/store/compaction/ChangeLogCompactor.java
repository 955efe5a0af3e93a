package io.kubelite.store.compaction;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes old change-log rows and records the newest revision removed, below which watches and
 * continue tokens answer 410 Gone. Several processes may compact the same database: it is idempotent.
 */
public final class ChangeLogCompactor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeLogCompactor.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Duration interval;
    private final Duration retention;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "kubelite-change-log-compactor");
        thread.setDaemon(true);
        return thread;
    });

    public ChangeLogCompactor(DataSource dataSource, Duration interval, Duration retention) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.interval = interval;
        this.retention = retention;
    }

    /** Compacts every {@code interval}, keeping the changes of the last {@code retention}. */
    public void start() {
        long millis = interval.toMillis();
        schedule.scheduleWithFixedDelay(this::compactOnSchedule, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void compactOnSchedule() {
        try {
            compactOlderThan(retention);
        } catch (DataAccessException e) {
            log.warn("Change-log compaction failed, retrying in {}: {}", interval, e.getMessage());
        }
    }

    /** Removes the changes written more than {@code age} ago; returns the compacted revision. */
    public long compactOlderThan(Duration age) {
        Long newest = jdbc.queryForObject(
                "SELECT max(revision) FROM change_log WHERE created_at < now() - make_interval(secs => ?)",
                Long.class, age.toMillis() / 1000.0);
        return newest == null ? compactedRevision() : compactUpTo(newest);
    }

    /**
     * Removes the changes up to and including {@code revision} (at most the current revision) and
     * returns the compacted revision, which never goes back.
     */
    public long compactUpTo(long revision) {
        return transaction.execute(tx -> {
            long compacted = jdbc.queryForObject("""
                    UPDATE compacted_revision
                       SET revision = greatest(revision, least(?, kubelite_current_revision()))
                    RETURNING revision""", Long.class, revision);
            jdbc.update("DELETE FROM change_log WHERE revision <= ?", compacted);
            return compacted;
        });
    }

    public long compactedRevision() {
        return jdbc.queryForObject("SELECT revision FROM compacted_revision", Long.class);
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        try {
            schedule.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
