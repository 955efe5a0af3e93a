package io.kubelite.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The API server's built jar started as a process on a free port, with its embedded PostgreSQL in a home of its own
 * under target/, removed afterwards.
 */
final class ApiServer implements AutoCloseable {

    private static final Path JAR = Path.of("../api-server-service/target/api-server-service-0.1.0.jar")
            .toAbsolutePath().normalize();

    final String url;
    private final Process process;
    private final Path home;

    private ApiServer(String url, Process process, Path home) {
        this.url = url;
        this.process = process;
        this.home = home;
    }

    static ApiServer start() throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build with mvn -pl kubectl-lite -am package");
        }
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "kubelite-home-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "--server.port=" + port))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("api-server.log").toFile());
        builder.environment().put("KUBELITE_HOME", home.toString());
        ApiServer server = new ApiServer("http://localhost:" + port, builder.start(), home);
        try {
            server.awaitReady(Duration.ofSeconds(90));
        } catch (IllegalStateException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady(Duration limit) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the API server exited: "
                        + Files.readString(home.resolve("api-server.log")));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/namespaces/default"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the API server was not ready within " + limit);
    }

    /** Stops the server (and so its PostgreSQL) and removes its home. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
