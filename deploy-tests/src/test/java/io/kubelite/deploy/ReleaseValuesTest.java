package io.kubelite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/ReleaseValues.java, run as deploy/kube-lite runs it: java deploy/ReleaseValues.java deploy/values.yaml ... */
class ReleaseValuesTest {

    private record Result(int exitCode, Map<String, String> values, String errors) { }

    @Test
    void defaultsAreTheDocumentedValuesYaml() throws Exception {
        Result result = resolve();

        assertThat(result.exitCode()).isZero();
        assertThat(result.values()).containsEntry("database.url", "").containsEntry("apiServer.replicas", "1")
                .containsEntry("apiServer.port", "8080").containsEntry("nodeAgents.count", "2")
                .containsEntry("nodeAgents.runtime", "docker").containsEntry("nodeAgents.capacity.pods", "110");
    }

    @Test
    void valuesFilesThenSetsApplyInOrder(@TempDir Path directory) throws Exception {
        Path first = Files.writeString(directory.resolve("first.yaml"), """
                apiServer:
                  replicas: 3   # three API servers
                nodeAgents:
                  runtime: simulated
                  capacity:
                    cpu: "4"
                """);
        Path second = Files.writeString(directory.resolve("second.yaml"), "apiServer:\n  replicas: 2\n");

        Result result = resolve("-f", first.toString(), "-f", second.toString(), "--set", "jvmOptions=-Xmx256m -Da=b");

        assertThat(result.values()).containsEntry("apiServer.replicas", "2").containsEntry("nodeAgents.runtime", "simulated")
                .containsEntry("nodeAgents.capacity.cpu", "4").containsEntry("jvmOptions", "-Xmx256m -Da=b");
    }

    @Test
    void writtenValuesReadBackToTheSameValues(@TempDir Path directory) throws Exception {
        Path out = directory.resolve("resolved.yaml");
        Result written = resolve("--set", "database.password=p\"a#ss word", "--set", "scheduler.replicas=2",
                "--out", out.toString());

        Result readBack = resolve("-f", out.toString());

        assertThat(readBack.values()).isEqualTo(written.values()).containsEntry("database.password", "p\"a#ss word");
        assertThat(Manifests.yaml(Files.readString(out))).containsKey("scheduler");
    }

    @Test
    void anUnknownKeyIsRefusedByName() throws Exception {
        Result result = resolve("--set", "apiServer.replica=2");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errors()).contains("unknown value 'apiServer.replica'");
    }

    @Test
    void badValuesAreRefusedWithTheRule() throws Exception {
        assertThat(resolve("--set", "apiServer.replicas=two").errors()).contains("apiServer.replicas must be a whole number");
        assertThat(resolve("--set", "nodeAgents.runtime=podman").errors())
                .contains("nodeAgents.runtime must be docker or simulated");
        assertThat(resolve("--set", "nodeAgents.nodesPerAgent=10").errors()).contains("needs nodeAgents.runtime=simulated");
        assertThat(resolve("--set", "apiServer.replicas=101").errors())
                .contains("scheduler ports 8180 overlap apiServer ports 8080-8180");
    }

    private static Result resolve(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "deploy/ReleaseValues.java", "deploy/values.yaml"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(Repository.ROOT.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes());
        String errors = new String(process.getErrorStream().readAllBytes());
        Map<String, String> values = new LinkedHashMap<>();
        output.lines().forEach(line -> values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        return new Result(process.waitFor(), values, errors);
    }
}
