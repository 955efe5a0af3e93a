package io.kubelite.store.watch;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.store.Watch;
import io.kubelite.store.WatchListener;
import io.kubelite.store.selection.Selection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread per process that follows the change log and hands each change to the watches that
 * see it. It LISTENs for the notification every write sends and also polls, so a lost notification
 * costs at most one poll interval. Revisions become visible in order (see kubelite_write), so reading
 * {@code revision > cursor} in order never skips one.
 *
 * <p>A new watch first replays (fromRevision, cursor] on this same thread, then joins the live
 * stream at the cursor: nothing happens in between, so there is no gap and no duplicate.
 */
public final class WatchDispatcher implements AutoCloseable {

    public static final String CHANNEL = "kubelite_changes";
    private static final Logger log = LoggerFactory.getLogger(WatchDispatcher.class);
    private static final int BATCH = 1000;
    private static final String READ_SQL = """
            SELECT c.revision AS compacted, l.revision, l.kind, l.namespace, l.name, l.type, l.object::text,
                   l.prev_labels::text, l.prev_node_name, l.prev_phase
              FROM compacted_revision c
              LEFT JOIN LATERAL (SELECT * FROM change_log WHERE revision > ? AND revision <= ?
                                  ORDER BY revision LIMIT ?) l ON true
             ORDER BY l.revision""";

    private final DataSource dataSource;
    private final long pollMillis;
    private final long progressMillis;
    private final Queue<RegisteredWatch> pending = new ConcurrentLinkedQueue<>();
    private final List<RegisteredWatch> active = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running;
    private Connection connection;
    private long cursor = -1;
    private long lastProgressNanos = System.nanoTime();

    public WatchDispatcher(DataSource dataSource, Duration pollInterval, Duration progressInterval) {
        this.dataSource = dataSource;
        this.pollMillis = Math.max(1, pollInterval.toMillis());
        this.progressMillis = Math.max(1, progressInterval.toMillis());
        this.thread = new Thread(this::run, "kubelite-watch-dispatcher");
        this.thread.setDaemon(true);
    }

    public void start() {
        running = true;
        thread.start();
    }

    /** Registers a watch; its replay and its events run on the dispatcher thread. */
    public Watch register(ResourceKind kind, Selection selection, long fromRevision, WatchListener listener) {
        RegisteredWatch watch = new RegisteredWatch(kind, selection, fromRevision, listener);
        pending.add(watch);
        wake();
        return watch;
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The dispatcher waits on its LISTEN connection: a notification is the way to wake it early. */
    private void wake() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("NOTIFY " + CHANNEL);
        } catch (SQLException e) {
            log.debug("Could not wake the watch dispatcher; it polls anyway: {}", e.getMessage());
        }
    }

    private void run() {
        while (running) {
            try {
                if (connection == null) {
                    connect();
                }
                startPending();
                deliverNew();
                progressIfDue();
                active.removeIf(RegisteredWatch::isClosed);
                awaitNotification();
            } catch (SQLException e) {
                if (running) {
                    log.warn("Watch dispatcher lost its database connection, reconnecting: {}", e.getMessage());
                    closeConnection();
                    sleep(pollMillis);
                }
            }
        }
        closeConnection();
    }

    private void connect() throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("LISTEN " + CHANNEL);
            if (cursor < 0) {
                try (ResultSet rs = s.executeQuery("SELECT kubelite_current_revision()")) {
                    rs.next();
                    cursor = rs.getLong(1);
                }
            }
        }
    }

    private void startPending() throws SQLException {
        RegisteredWatch watch;
        while ((watch = pending.poll()) != null) {
            if (watch.isClosed()) {
                continue;
            }
            if (replay(watch)) {
                active.add(watch);
            }
        }
    }

    /** Gives the watch every change in (fromRevision, cursor]; false when it failed instead. */
    private boolean replay(RegisteredWatch watch) throws SQLException {
        long after = watch.fromRevision();
        while (after < cursor) {
            Batch batch = read(after, cursor);
            if (batch.compacted > after) {
                watch.fail(StatusException.gone(watch.fromRevision(), batch.compacted));
                return false;
            }
            if (batch.entries.isEmpty()) {
                break;
            }
            for (ChangeLogEntry entry : batch.entries) {
                watch.offer(entry);
            }
            after = batch.entries.get(batch.entries.size() - 1).revision;
        }
        return !watch.isClosed();
    }

    private void deliverNew() throws SQLException {
        while (true) {
            Batch batch = read(cursor, Long.MAX_VALUE);
            if (batch.compacted > cursor) {
                failAll(StatusException.gone(cursor, batch.compacted));
                cursor = batch.compacted;
                continue;
            }
            for (ChangeLogEntry entry : batch.entries) {
                for (RegisteredWatch watch : active) {
                    watch.offer(entry);
                }
                cursor = entry.revision;
            }
            if (batch.entries.size() < BATCH) {
                return;
            }
        }
    }

    private void failAll(StatusException error) {
        log.warn("Watch dispatcher fell behind the change log's compaction; ending {} watches", active.size());
        for (RegisteredWatch watch : active) {
            watch.fail(error);
        }
        active.clear();
    }

    private void progressIfDue() {
        long now = System.nanoTime();
        if (now - lastProgressNanos >= TimeUnit.MILLISECONDS.toNanos(progressMillis)) {
            lastProgressNanos = now;
            for (RegisteredWatch watch : active) {
                watch.progress(cursor);
            }
        }
    }

    private void awaitNotification() throws SQLException {
        if (!pending.isEmpty() || !running) {
            return;
        }
        long untilProgress = progressMillis
                - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastProgressNanos);
        int timeout = (int) Math.max(1, Math.min(pollMillis, untilProgress));
        connection.unwrap(PGConnection.class).getNotifications(timeout);
    }

    private record Batch(long compacted, List<ChangeLogEntry> entries) { }

    /** Change-log rows in (after, upTo], oldest first, read in one snapshot with the compacted revision. */
    private Batch read(long after, long upTo) throws SQLException {
        List<ChangeLogEntry> entries = new ArrayList<>();
        long compacted = 0;
        try (PreparedStatement s = connection.prepareStatement(READ_SQL)) {
            s.setLong(1, after);
            s.setLong(2, upTo);
            s.setInt(3, BATCH);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    compacted = rs.getLong(1);
                    long revision = rs.getLong(2);
                    if (!rs.wasNull()) {
                        entries.add(new ChangeLogEntry(revision, rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
                    }
                }
            }
        }
        return new Batch(compacted, entries);
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the watch connection failed: {}", e.getMessage());
            }
            connection = null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
