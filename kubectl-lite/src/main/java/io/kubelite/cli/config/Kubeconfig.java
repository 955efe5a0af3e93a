package io.kubelite.cli.config;

import io.kubelite.cli.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A kubeconfig file, in the format kubectl reads: {@code clusters}, {@code users} and {@code contexts}, each a list
 * of named entries, and {@code current-context}. Only what kube-lite needs is read: a cluster's {@code server}, a
 * user's {@code token} and a context's {@code cluster}, {@code user} and {@code namespace}.
 */
public final class Kubeconfig {

    /** Where kubectl-lite looks when no address is given: the API server that {@code deploy/kube-lite up} starts. */
    public static final String DEFAULT_SERVER = "http://localhost:8080";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final JsonNode root;

    private Kubeconfig(JsonNode root) {
        this.root = root;
    }

    /** {@code $KUBELITE_HOME/config}, else {@code ~/.kube-lite/config}. */
    public static Path defaultPath() {
        String home = System.getenv("KUBELITE_HOME");
        Path base = home != null && !home.isBlank() ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".kube-lite");
        return base.resolve("config");
    }

    /** Reads the file; a file that does not exist is an empty configuration. */
    public static Kubeconfig load(Path file) {
        if (!Files.exists(file)) {
            return new Kubeconfig(MissingNode.getInstance());
        }
        try {
            JsonNode root = YAML.readTree(Files.readString(file));
            return new Kubeconfig(root == null ? MissingNode.getInstance() : root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kubeconfig " + file + ": " + e.getMessage(), e);
        } catch (tools.jackson.core.JacksonException e) {
            throw new UsageException("kubeconfig " + file + " is not valid YAML: " + e.getOriginalMessage());
        }
    }

    /**
     * The access for the named context (or the current one), with {@code server} and {@code token} overriding
     * what the file says when they are given.
     */
    public ClusterAccess resolve(String contextName, String server, String token) {
        String name = contextName != null ? contextName : root.path("current-context").asString("");
        JsonNode context = named("contexts", name).path("context");
        if (contextName != null && context.isMissingNode()) {
            throw new UsageException("context was not found for specified context: " + contextName);
        }
        JsonNode cluster = named("clusters", context.path("cluster").asString("")).path("cluster");
        JsonNode user = named("users", context.path("user").asString("")).path("user");
        String effectiveServer = server != null ? server : cluster.path("server").asString(DEFAULT_SERVER);
        String effectiveToken = token != null ? token : user.path("token").asString(null);
        String namespace = context.path("namespace").asString("");
        return new ClusterAccess(stripSlash(effectiveServer), effectiveToken,
                namespace.isEmpty() ? "default" : namespace);
    }

    private JsonNode named(String list, String name) {
        for (JsonNode entry : root.path(list)) {
            if (entry.path("name").asString("").equals(name)) {
                return entry;
            }
        }
        return MissingNode.getInstance();
    }

    private static String stripSlash(String server) {
        return server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    }
}
