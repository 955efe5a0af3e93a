package io.kubelite.benchmarks.api;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * What one run of the API benchmark does, parsed from the command line.
 *
 * @param server    base URL of the API server; must be on this machine (loopback)
 * @param pods      pods created in the measured phase
 * @param clients   concurrent clients issuing the creates
 * @param namespace fresh namespace the measured pods go to; its warm-up twin is {@code <namespace>-warmup}
 * @param warmup    pods created (in the warm-up namespace) before measuring, to warm both JVMs
 * @param keep      leave the namespaces and their pods in place at the end
 * @param out       where to write the report as well ({@code .md} for markdown, otherwise JSON), or null
 * @param timeLimit upper bound on each create phase; creates not started by then are not attempted
 * @param serverPid   the API server's process id, to tell its CPU apart from the rest; may be null
 * @param postgresPid the postmaster of the server's PostgreSQL, likewise; may be null
 */
public record BenchmarkOptions(URI server, int pods, int clients, String namespace, int warmup, boolean keep,
                               Path out, Duration timeLimit, Long serverPid, Long postgresPid) {

    static final URI DEFAULT_SERVER = URI.create("http://localhost:8080");
    static final int DEFAULT_PODS = 5000;
    static final int DEFAULT_CLIENTS = 16;
    static final int DEFAULT_WARMUP = 500;
    static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(5);

    private static final int MAX_PODS = 1_000_000;
    private static final int MAX_CLIENTS = 512;
    // A DNS-1123 label that leaves room for the "-warmup" suffix.
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,54}[a-z0-9])?");

    static final String USAGE = """
            usage: java -jar benchmarks.jar [options]
              --server URL        API server base URL, loopback only (default http://localhost:8080)
              --pods N            pods to create in the measured phase (default 5000)
              --clients C         concurrent clients (default 16)
              --namespace NAME    fresh namespace to create (default bench-<time>)
              --warmup N          warm-up pods created first in <namespace>-warmup (default 500, 0 to skip)
              --time-limit SECS   bound on each create phase (default 300)
              --out FILE          also write the report: FILE.md as markdown, anything else as JSON
              --keep              keep the namespaces and pods instead of deleting them at the end
              --server-pid PID    the API server's process id, for the CPU split (default: found by name)
              --postgres-pid PID  its PostgreSQL's postmaster, for the CPU split (default: every postgres)
            """;

    public BenchmarkOptions {
        requireLoopback(server);
        requireRange("--pods", pods, 1, MAX_PODS);
        requireRange("--clients", clients, 1, MAX_CLIENTS);
        requireRange("--warmup", warmup, 0, MAX_PODS);
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("--namespace must be a DNS-1123 label of at most 56 characters: "
                    + namespace);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("--time-limit must be positive");
        }
    }

    /**
     * Parses the command line.
     *
     * @param generatedNamespace the namespace used when {@code --namespace} is not given
     * @throws IllegalArgumentException naming the bad option, for the usage message
     */
    public static BenchmarkOptions parse(String[] args, String generatedNamespace) {
        URI server = DEFAULT_SERVER;
        int pods = DEFAULT_PODS;
        int clients = DEFAULT_CLIENTS;
        String namespace = generatedNamespace;
        int warmup = DEFAULT_WARMUP;
        boolean keep = false;
        Path out = null;
        Duration timeLimit = DEFAULT_TIME_LIMIT;
        Long serverPid = null;
        Long postgresPid = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--keep" -> keep = true;
                case "--server" -> server = parseServer(valueOf(args, ++i, option));
                case "--pods" -> pods = parseInt(valueOf(args, ++i, option), option);
                case "--clients" -> clients = parseInt(valueOf(args, ++i, option), option);
                case "--namespace" -> namespace = valueOf(args, ++i, option);
                case "--warmup" -> warmup = parseInt(valueOf(args, ++i, option), option);
                case "--time-limit" -> timeLimit = Duration.ofSeconds(parseInt(valueOf(args, ++i, option), option));
                case "--out" -> out = Path.of(valueOf(args, ++i, option));
                case "--server-pid" -> serverPid = (long) parseInt(valueOf(args, ++i, option), option);
                case "--postgres-pid" -> postgresPid = (long) parseInt(valueOf(args, ++i, option), option);
                default -> throw new IllegalArgumentException("unknown option " + option + " in "
                        + Arrays.toString(args));
            }
        }
        return new BenchmarkOptions(server, pods, clients, namespace, warmup, keep, out, timeLimit, serverPid,
                postgresPid);
    }

    String warmupNamespace() {
        return namespace + "-warmup";
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int parseInt(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not " + value);
        }
    }

    private static URI parseServer(String value) {
        URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--server needs an http://host:port URL, not " + value);
        }
        return uri;
    }

    private static void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    // Load is only ever aimed at a server on this machine.
    private static void requireLoopback(URI server) {
        try {
            for (InetAddress address : InetAddress.getAllByName(server.getHost())) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException("--server must be a loopback address (localhost, "
                            + "127.0.0.1, [::1]), not " + server.getHost());
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--server host does not resolve: " + server.getHost());
        }
    }
}
