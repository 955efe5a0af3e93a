package io.kubelite.cli.bowl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The node agents {@code deploy/kube-lite up} started on this machine, found through the files it keeps in
 * {@code $KUBELITE_HOME/run}: {@code agents} lists each agent as {@code name:module:port}, {@code <name>.pid} holds its
 * process id. A node belongs to the agent whose port is the node's {@code daemonEndpoints.kubeletEndpoint.Port},
 * provided the node's address is one of this machine's.
 *
 * <p>Knocking a node down stops its agent with SIGSTOP: the process stays, but its heartbeat stops, so the node
 * lifecycle controller marks the node {@code Ready=Unknown} after its grace period and evicts its pods. SIGCONT lets
 * it go on; the agent reports its node Ready again within its {@code node-status-period}. An agent that runs several
 * simulated nodes takes all of them down together.
 */
public final class LocalAgents {

    /** An agent process: its name in the run directory ({@code node-agent-2}) and its process id. */
    public record Agent(String name, long pid) { }

    private final Path runDirectory;

    public LocalAgents(Path runDirectory) {
        this.runDirectory = runDirectory;
    }

    /** {@code $KUBELITE_HOME/run}, else {@code ~/.kube-lite/run}, as deploy/kube-lite uses it. */
    public static LocalAgents ofEnvironment() {
        String home = System.getenv("KUBELITE_HOME");
        Path base = home != null && !home.isEmpty() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".kube-lite");
        return new LocalAgents(base.resolve("run"));
    }

    public Path runDirectory() {
        return runDirectory;
    }

    /** The running local agent that hosts this node, if there is one. */
    public Optional<Agent> agentOf(JsonNode node) {
        int port = node.path("status").path("daemonEndpoints").path("kubeletEndpoint").path("Port").asInt(0);
        if (port == 0 || !isLocal(node)) {
            return Optional.empty();
        }
        for (String line : lines(runDirectory.resolve("agents"))) {
            String[] fields = line.split(":");
            if (fields.length == 3 && fields[2].equals(String.valueOf(port))) {
                return pidOf(fields[0]).map(pid -> new Agent(fields[0], pid));
            }
        }
        return Optional.empty();
    }

    /** Stops the agent (SIGSTOP): its node's heartbeat stops. */
    public void stop(Agent agent) {
        signal("STOP", agent);
    }

    /** Lets a stopped agent go on (SIGCONT). */
    public void resume(Agent agent) {
        signal("CONT", agent);
    }

    /** Whether the process is stopped by a signal (state {@code T} in {@code /proc/<pid>/stat}). */
    public boolean isStopped(Agent agent) {
        List<String> stat = lines(Path.of("/proc", String.valueOf(agent.pid()), "stat"));
        if (stat.isEmpty()) {
            return false;
        }
        String line = stat.get(0);
        // "pid (command) state ...": the command may hold spaces and parentheses, the state follows the last ')'
        String afterCommand = line.substring(line.lastIndexOf(')') + 1).strip();
        return afterCommand.startsWith("T");
    }

    private Optional<Long> pidOf(String name) {
        List<String> pid = lines(runDirectory.resolve(name + ".pid"));
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(pid.get(0).strip());
            return ProcessHandle.of(id).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isLocal(JsonNode node) {
        for (JsonNode address : node.path("status").path("addresses")) {
            if ("InternalIP".equals(address.path("type").asString(""))) {
                return isAddressOfThisMachine(address.path("address").asString(""));
            }
        }
        return false;
    }

    private static boolean isAddressOfThisMachine(String address) {
        try {
            InetAddress inet = InetAddress.getByName(address);
            return inet.isLoopbackAddress() || NetworkInterface.getByInetAddress(inet) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static void signal(String signal, Agent agent) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(agent.pid()))
                    .redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("cannot send SIG" + signal + " to " + agent.name() + " (pid "
                        + agent.pid() + "): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + agent.name(), e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.isReadable(file) ? Files.readAllLines(file) : Collections.emptyList();
        } catch (IOException e) {
            return Collections.emptyList();
        }
    }
}
