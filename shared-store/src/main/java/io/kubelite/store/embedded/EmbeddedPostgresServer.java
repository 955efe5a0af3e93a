package io.kubelite.store.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server under {@code $KUBELITE_HOME/postgres} that the services on one machine share.
 *
 * <p>Starting and stopping happen under a file lock in the home. The first service launches the
 * server; later ones find it through {@code postmaster.pid} (pid and port), check that the process is
 * alive and answers for this data directory, and connect to it. A server that survived its service
 * (SIGKILL) is reused the same way; a stale pid file of a dead process is removed. Each service keeps
 * one connection open while it runs, so that the others see it; the last one to close stops the server.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final long ANSWER_WAIT_MILLIS = 10_000;

    private final Path home;
    private final Path dataDirectory;
    private final int port;
    private final String applicationName;
    private final Connection presence;

    private EmbeddedPostgresServer(Path home, int port, String applicationName, Connection presence) {
        this.home = home;
        this.dataDirectory = home.resolve("postgres");
        this.port = port;
        this.applicationName = applicationName;
        this.presence = presence;
    }

    /** Connects to the server under {@code home}, launching it when none runs. */
    public static EmbeddedPostgresServer startOrJoin(Path home) {
        Path absoluteHome = home.toAbsolutePath().normalize();
        String applicationName = "kubelite-" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();
        try {
            Files.createDirectories(absoluteHome);
            try (HomeLock lock = HomeLock.take(absoluteHome)) {
                Path dataDirectory = absoluteHome.resolve("postgres");
                OptionalInt running = runningPort(dataDirectory);
                int port;
                if (running.isPresent()) {
                    port = running.getAsInt();
                    log.info("Using the embedded PostgreSQL already running for {} on port {}", dataDirectory, port);
                } else {
                    port = launch(absoluteHome, dataDirectory);
                }
                Connection presence = connect(port, applicationName);
                return new EmbeddedPostgresServer(absoluteHome, port, applicationName, presence);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL under " + absoluteHome, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to the embedded PostgreSQL under " + absoluteHome, e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(port);
    }

    /** The name this service's connections carry, so that the last-one-out check can tell them apart. */
    public String applicationName() {
        return applicationName;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server unless another client still uses it. Close this service's pool first. */
    @Override
    public void close() {
        try (HomeLock lock = HomeLock.take(home)) {
            long others;
            try (Statement s = presence.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
                            + " AND application_name <> '" + applicationName + "'")) {
                rs.next();
                others = rs.getLong(1);
            } finally {
                presence.close();
            }
            if (others > 0) {
                log.info("Left the embedded PostgreSQL running: {} other clients use it", others);
                return;
            }
            Optional<ProcessHandle> postmaster = readPidFile(dataDirectory).flatMap(pid -> ProcessHandle.of(pid.pid));
            if (postmaster.isPresent()) {
                postmaster.get().destroy();
                postmaster.get().onExit().get(30, TimeUnit.SECONDS);
                log.info("Stopped the embedded PostgreSQL: no other service uses it");
            }
        } catch (Exception e) {
            log.warn("Could not stop the embedded PostgreSQL under {}: {}", dataDirectory, e.toString());
        }
    }

    // ---- finding a running server ------------------------------------------------------------

    private record PidFile(long pid, int port) { }

    private static Optional<PidFile> readPidFile(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        try {
            return Optional.of(new PidFile(Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim())));
        } catch (RuntimeException e) {
            return Optional.of(new PidFile(-1, -1));
        }
    }

    /**
     * The port of a server already running on this data directory. Clears what a dead one left: a
     * pid file naming a dead (or unrelated) process is removed, and a server process for this data
     * directory that does not answer within a few seconds is killed.
     */
    private static OptionalInt runningPort(Path dataDirectory) throws IOException {
        Optional<PidFile> pidFile = readPidFile(dataDirectory);
        if (pidFile.isEmpty()) {
            return OptionalInt.empty();
        }
        Optional<ProcessHandle> process = pidFile.get().pid > 0 ? ProcessHandle.of(pidFile.get().pid) : Optional.empty();
        if (process.isEmpty() || !process.get().isAlive() || !namesDataDirectory(process.get(), dataDirectory)) {
            log.info("Removing the stale postmaster.pid of a PostgreSQL that no longer runs ({})", dataDirectory);
            Files.deleteIfExists(dataDirectory.resolve("postmaster.pid"));
            return OptionalInt.empty();
        }
        long deadline = System.currentTimeMillis() + ANSWER_WAIT_MILLIS;
        while (process.get().isAlive() && System.currentTimeMillis() < deadline) {
            if (answers(pidFile.get().port, dataDirectory)) {
                return OptionalInt.of(pidFile.get().port);
            }
            sleep(200);
        }
        if (process.get().isAlive()) {
            log.warn("Killing a PostgreSQL process for {} that does not answer (pid {})", dataDirectory, pidFile.get().pid);
            process.get().destroyForcibly();
            try {
                process.get().onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL process " + pidFile.get().pid + " does not stop", e);
            }
        }
        Files.deleteIfExists(dataDirectory.resolve("postmaster.pid"));
        return OptionalInt.empty();
    }

    private static boolean namesDataDirectory(ProcessHandle process, Path dataDirectory) {
        try {
            byte[] commandLine = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return new String(commandLine, StandardCharsets.UTF_8).replace('\0', ' ').contains(dataDirectory.toString());
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean answers(int port, Path dataDirectory) {
        try (Connection c = connect(port, "kubelite-probe"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW data_directory")) {
            return rs.next() && Path.of(rs.getString(1)).normalize().equals(dataDirectory);
        } catch (SQLException e) {
            return false;
        }
    }

    // ---- launching ---------------------------------------------------------------------------

    private static int launch(Path home, Path dataDirectory) throws IOException {
        PostgresBinaries binaries = PostgresBinaries.install(home);
        Path logFile = home.resolve("postgres.log");
        if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            Files.createDirectories(dataDirectory);
            binaries.run(logFile, "initdb", "-A", "trust", "-U", USER, "-D", dataDirectory.toString(),
                    "-E", "UTF8", "--no-locale");
        }
        int port = freePort();
        String options = "-p " + port + " -c listen_addresses=localhost -c fsync=on -c synchronous_commit=on"
                + " -c max_connections=300 -c timezone=UTC";
        binaries.run(logFile, "pg_ctl", "-D", dataDirectory.toString(), "-l", logFile.toString(),
                "-o", options, "-w", "-t", "60", "start");
        log.info("Started the embedded PostgreSQL for {} on port {}", dataDirectory, port);
        return port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Connection connect(int port, String applicationName) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(port), properties);
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The lock that serialises starting, joining and stopping among the services of one home: a file
     * lock between processes, and a JVM lock because a file lock cannot be taken twice in one JVM.
     */
    private record HomeLock(FileChannel channel, FileLock lock) implements AutoCloseable {
        private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

        static HomeLock take(Path home) throws IOException {
            IN_THIS_JVM.lock();
            try {
                FileChannel channel = FileChannel.open(home.resolve("postgres.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                return new HomeLock(channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                IN_THIS_JVM.unlock();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
                channel.close();
            } finally {
                IN_THIS_JVM.unlock();
            }
        }
    }
}
