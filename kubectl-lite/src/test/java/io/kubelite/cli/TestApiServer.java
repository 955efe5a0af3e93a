package io.kubelite.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine;

/**
 * The API server's built jar, run as a process on a free port with its own embedded PostgreSQL (a fresh
 * {@code KUBELITE_HOME}), once for all tests of this JVM; and kubectl-lite run against it in-process.
 */
final class TestApiServer {

    /** What a kubectl-lite run printed and its exit code. */
    record Run(int code, String out, String err) { }

    private static TestApiServer instance;

    private final Process process;
    private final String url;

    private TestApiServer(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static synchronized TestApiServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    String url() {
        return url;
    }

    /** Runs kubectl-lite with {@code --server} pointing here. */
    Run kubectl(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = KubectlLite.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[arguments.length + 2];
        all[0] = "--server";
        all[1] = url;
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        int code = commandLine.execute(all);
        return new Run(code, out.toString(), err.toString());
    }

    private static TestApiServer start() {
        try {
            Path jar = Path.of("..", "api-server-service", "target", "api-server-service-0.1.0.jar").toAbsolutePath();
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build it with mvn -pl kubectl-lite -am install");
            }
            Path home = Files.createTempDirectory("kubectl-lite-test");
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString(), "--server.port=" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("api-server.log").toFile());
            builder.environment().put("KUBELITE_HOME", home.toString());
            builder.environment().remove("KUBELITE_DB_URL");
            TestApiServer server = new TestApiServer(builder.start(), "http://localhost:" + port);
            server.awaitReady(home);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Path home) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the API server exited; see " + home.resolve("api-server.log"));
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("the API server was not ready within 120 s; see " + home.resolve("api-server.log"));
    }

    private void stop() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
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
