package io.kubelite.store.leader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election through PostgreSQL: the leader is whoever holds a session-level advisory lock on its own
 * connection. Every retry interval a follower tries to take it and the leader checks its connection is alive.
 * When the leader's process dies, PostgreSQL ends its session and frees the lock, so a follower takes over
 * within a retry interval; a leader that loses its connection stops leading at once.
 *
 * <p>The lock uses the two-key form, {@code (hashtext('kube-lite'), hashtext(name))}, a key space apart from the
 * store's single-key lock.
 */
public final class LeaderElector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaderElector.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final String lockName;
    private final Duration retryInterval;
    private final Runnable onElected;
    private final Thread thread;
    private volatile boolean leader;
    private volatile boolean running = true;
    private Connection connection;

    /**
     * @param lockName      what is led (e.g. "scheduler"); instances with the same name compete
     * @param retryInterval how often a follower tries to lead and the leader checks its connection
     * @param onElected     called on the election thread when this instance becomes the leader
     */
    public LeaderElector(DataSource dataSource, String lockName, Duration retryInterval, Runnable onElected) {
        this.dataSource = dataSource;
        this.lockName = lockName;
        this.retryInterval = retryInterval;
        this.onElected = onElected;
        this.thread = new Thread(this::run, "leader-election-" + lockName);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public boolean isLeader() {
        return leader;
    }

    private void run() {
        while (running) {
            if (leader) {
                checkStillLeading();
            } else {
                tryToLead();
            }
            try {
                Thread.sleep(retryInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void tryToLead() {
        try {
            if (connection == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT pg_try_advisory_lock(hashtext('kube-lite'), hashtext(?))")) {
                statement.setString(1, lockName);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    leader = result.getBoolean(1);
                }
            }
            if (leader) {
                log.info("This instance is now the {} leader", lockName);
                onElected.run();
            }
        } catch (SQLException e) {
            log.warn("Cannot reach PostgreSQL to elect the {} leader, retrying in {} ms: {}", lockName,
                    retryInterval.toMillis(), e.getMessage());
            dropConnection();
        }
    }

    private void checkStillLeading() {
        boolean alive;
        try {
            alive = connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            alive = false;
        }
        if (!alive) {
            leader = false;
            log.warn("Lost the connection that holds the {} lock: no longer the leader", lockName);
            dropConnection();
        }
    }

    /**
     * Ends the session (which frees the lock on the server whatever state the connection is in), then hands the
     * dead connection back so that the pool replaces it.
     */
    private void dropConnection() {
        if (connection == null) {
            return;
        }
        try {
            connection.abort(Runnable::run);
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing the election connection: {}", e.getMessage());
        }
        connection = null;
    }

    /** Stops competing; a leader frees the lock so another instance takes over at once. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(retryInterval.toMillis() + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean wasLeader = leader;
        leader = false;
        if (connection == null) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_advisory_unlock_all()")) {
            statement.execute();
            connection.close();
            connection = null;
        } catch (SQLException e) {
            dropConnection();
        }
        if (wasLeader) {
            log.info("Gave up the {} lock", lockName);
        }
    }
}
