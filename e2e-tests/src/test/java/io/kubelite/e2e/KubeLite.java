package io.kubelite.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A whole kube-lite started with {@code deploy/kube-lite up}, as a user starts it, in a home of its own under
 * target/ and on free ports, so that it never meets another kube-lite on the machine. The home (logs, database)
 * is removed afterwards unless {@code -Dkubelite.e2e.keep-home=true}.
 */
final class KubeLite implements AutoCloseable {

    /** The repository: deploy/ and each module's target/ are found from it. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final long COMMAND_LIMIT_SECONDS = 300;

    final Path home;
    final int apiPort;
    private final Map<String, String> environment;

    private KubeLite(Path home, Map<String, String> environment, int apiPort) {
        this.home = home;
        this.environment = environment;
        this.apiPort = apiPort;
    }

    /** Starts it with this many nodes on the given runtime ({@code docker} or {@code simulated}). */
    static KubeLite up(String runtime, int nodes) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "kubelite-home-");
        int apiPort = freePort();
        int agentPort = freePortRange(nodes);
        Map<String, String> environment = Map.of(
                "KUBELITE_HOME", home.toString(),
                "KUBELITE_API_PORT", Integer.toString(apiPort),
                "KUBELITE_SCHEDULER_PORT", Integer.toString(freePort()),
                "KUBELITE_CONTROLLER_MANAGER_PORT", Integer.toString(freePort()),
                "KUBELITE_AGENT_PORT", Integer.toString(agentPort),
                "KUBELITE_NODES", Integer.toString(nodes),
                "KUBELITE_RUNTIME", runtime);
        KubeLite kubeLite = new KubeLite(home, environment, apiPort);
        kubeLite.run("up");
        return kubeLite;
    }

    /** Runs {@code deploy/kube-lite <arguments>} and returns its output; fails with the output when it fails. */
    String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("deploy/kube-lite").toString()));
        command.addAll(List.of(arguments));
        return Shell.run(command, environment, COMMAND_LIMIT_SECONDS);
    }

    /** kubectl-lite with this kube-lite's home, so it reads the kubeconfig {@code up} wrote there. */
    Kubectl kubectl() {
        return new Kubectl(home);
    }

    Api api() {
        return new Api("http://localhost:" + apiPort);
    }

    /** The pid the given component was started with. */
    long pid(String component) throws IOException {
        return Long.parseLong(Files.readString(home.resolve("run").resolve(component + ".pid")).trim());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("down");
        } finally {
            if (Boolean.getBoolean("kubelite.e2e.keep-home")) {
                return;
            }
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The first of {@code count} consecutive free ports. */
    private static int freePortRange(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = freePort();
            if (first + count < 65_536 && rangeFree(first, count)) {
                return first;
            }
        }
        throw new IOException("found no " + count + " consecutive free ports");
    }

    private static boolean rangeFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket ignored = new ServerSocket(port)) {
                // free
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Waits for a process to end, as a SIGKILLed one does a moment after the signal. */
    static void awaitExit(long pid) throws InterruptedException {
        ProcessHandle.of(pid).ifPresent(process -> process.onExit().orTimeout(30, TimeUnit.SECONDS).join());
    }
}
