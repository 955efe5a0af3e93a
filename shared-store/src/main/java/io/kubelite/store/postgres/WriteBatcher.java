package io.kubelite.store.postgres;

import io.kubelite.model.StatusException;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Group commit: the one thread that makes a store's writes. Callers queue writes whose Java work is
 * done and wait; the thread takes everything queued (at most {@link #MAX_BATCH}) and makes the writes
 * in order with one statement, {@code kubelite_write_all}, which outside an explicit transaction is one
 * transaction: one round trip, one commit. Then it gives each caller its own result. Each write is
 * still its own compare-and-swap and sees the writes before it, so a conflict fails that write alone.
 * When the batch fails with an SQL error, its writes are made again one per transaction, so that one
 * bad write cannot fail the others.
 *
 * <p>The lock that orders revisions is then taken once per batch, and request threads hold no
 * connection while they wait for it.
 */
final class WriteBatcher implements AutoCloseable {

    /** The most writes one transaction takes: bounds how long the lock is held and the batch's size. */
    static final int MAX_BATCH = 128;
    private static final int QUEUE_CAPACITY = 8 * MAX_BATCH;
    private static final String WRITE_ALL_SQL = "SELECT kubelite_write_all(?::jsonb, ?)";

    /**
     * A queued write, already in its JSON form (made on the caller's thread): its parameters and its
     * object, apart because the object must reach the table as written (see kubelite_write_all).
     */
    private record Pending(String parameters, String object, CompletableFuture<Long> result) { }

    private final JdbcTemplate jdbc;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread;
    private volatile boolean closed;

    WriteBatcher(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.thread = new Thread(this::run, "kubelite-store-writer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Makes the write and returns {@code kubelite_write}'s result: the new revision, or a negative
     * code when the row was not as expected or the namespace is missing.
     */
    long write(Write write) {
        try {
            return submit(write).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Queues the write; waits only while the queue is full. */
    CompletableFuture<Long> submit(Write write) {
        Pending pending = new Pending(write.parametersJson(), write.objectJson(), new CompletableFuture<>());
        if (closed) {
            pending.result.completeExceptionally(shutDown());
            return pending.result;
        }
        try {
            queue.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.result.completeExceptionally(
                    new IllegalStateException("Interrupted before the write was queued; it was not made", e));
            return pending.result;
        }
        if (closed) {
            failQueued();
        }
        return pending.result;
    }

    /** Stops the thread after the batch it is making; writes still queued, and later ones, fail with 503. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failQueued();
    }

    private void failQueued() {
        Pending pending;
        while ((pending = queue.poll()) != null) {
            pending.result.completeExceptionally(shutDown());
        }
    }

    /** 503, as Kubernetes answers while it shuts down: the client may retry, on this server once restarted. */
    private static StatusException shutDown() {
        return StatusException.serviceUnavailable("The object store is shut down; the write was not made");
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (!closed) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                writeBatch(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            // close() ends the thread while it waits for writes
        }
    }

    private void writeBatch(List<Pending> batch) {
        try {
            complete(batch, writeInOneTransaction(batch));
        } catch (CannotGetJdbcConnectionException e) {
            // no connection: no write of the batch can be made now
            batch.forEach(pending -> pending.result.completeExceptionally(e));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).result.completeExceptionally(e);
                return;
            }
            for (Pending pending : batch) {
                writeAlone(pending);
            }
        }
    }

    private void writeAlone(Pending pending) {
        try {
            complete(List.of(pending), writeInOneTransaction(List.of(pending)));
        } catch (RuntimeException e) {
            pending.result.completeExceptionally(e);
        }
    }

    private static void complete(List<Pending> batch, Long[] results) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result.complete(results[i]);
        }
    }

    private Long[] writeInOneTransaction(List<Pending> batch) {
        String parameters = parametersArray(batch);
        String[] objects = batch.stream().map(Pending::object).toArray(String[]::new);
        return jdbc.query(WRITE_ALL_SQL, statement -> {
            statement.setString(1, parameters);
            statement.setArray(2, statement.getConnection().createArrayOf("json", objects));
        }, rs -> {
            rs.next();
            return revisions(rs.getArray(1));
        });
    }

    private static Long[] revisions(Array array) throws SQLException {
        try {
            return (Long[]) array.getArray();
        } finally {
            array.free();
        }
    }

    private static String parametersArray(List<Pending> batch) {
        StringBuilder array = new StringBuilder(batch.stream().mapToInt(p -> p.parameters.length() + 1).sum() + 2);
        array.append('[');
        for (Pending pending : batch) {
            array.append(array.length() > 1 ? "," : "").append(pending.parameters);
        }
        return array.append(']').toString();
    }
}
