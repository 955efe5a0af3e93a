package io.kubelite.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * kubectl-lite run as a user runs it: its built jar as a process, with the {@code KUBELITE_HOME} whose kubeconfig
 * {@code deploy/kube-lite up} wrote, and no flags to find the server.
 */
final class Kubectl {

    private static final Path JAR = KubeLite.ROOT.resolve("kubectl-lite/target/kubectl-lite-0.1.0.jar");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final long LIMIT_SECONDS = 180;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path home;

    Kubectl(Path home) {
        this.home = home;
    }

    /** Runs {@code kubectl-lite <arguments>} and returns its standard output; fails with both outputs when it fails. */
    String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-XX:TieredStopAtLevel=1", "-jar",
                JAR.toString()));
        command.addAll(List.of(arguments));
        Path errors = Files.createTempFile(home, "kubectl-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
            builder.environment().put("KUBELITE_HOME", home.toString());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("kubectl-lite " + String.join(" ", arguments) + " did not end within "
                        + LIMIT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("kubectl-lite " + String.join(" ", arguments) + " exited with "
                        + process.exitValue() + ":\n" + output + Files.readString(errors));
            }
            return output;
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** Runs {@code kubectl-lite <arguments> -o json} and reads what it printed. */
    JsonNode json(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(arguments));
        command.addAll(List.of("-o", "json"));
        return JSON.readTree(run(command.toArray(String[]::new)));
    }
}
