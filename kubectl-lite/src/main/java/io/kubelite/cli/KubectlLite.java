package io.kubelite.cli;

import io.kubelite.cli.api.ApiClient;
import io.kubelite.cli.config.ClusterAccess;
import io.kubelite.cli.config.Kubeconfig;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top command. Its options are global ({@code kubectl-lite get pods -n web} and
 * {@code kubectl-lite -n web get pods} mean the same); every subcommand is registered in {@link Commands}.
 */
@Command(name = "kubectl-lite", mixinStandardHelpOptions = true, versionProvider = ClientVersion.class,
        description = "kubectl-lite controls a kube-lite cluster.",
        footer = "%nUse \"kubectl-lite <command> --help\" for more information about a given command.")
public final class KubectlLite implements Runnable {

    @Option(names = "--kubeconfig", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Path to the kubeconfig file (default $KUBELITE_HOME/config, else ~/.kube-lite/config).")
    Path kubeconfig;

    @Option(names = {"-s", "--server"}, scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The address of the API server, overriding the kubeconfig's.")
    String server;

    @Option(names = "--token", scope = ScopeType.INHERIT, description = "Bearer token for the API server.")
    String token;

    @Option(names = "--context", scope = ScopeType.INHERIT, description = "The kubeconfig context to use.")
    String context;

    @Option(names = {"-n", "--namespace"}, scope = ScopeType.INHERIT,
            description = "The namespace of this request (default: the context's, else default).")
    String namespace;

    private Session session;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line: subcommands, error handling, output. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new KubectlLite());
        Commands.register(commandLine);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The connection and defaults every command shares, made on first use from the global options. */
    Session session() {
        if (session == null) {
            Path file = kubeconfig != null ? kubeconfig : Kubeconfig.defaultPath();
            ClusterAccess access = Kubeconfig.load(file).resolve(context, server, token);
            String effectiveNamespace = namespace != null ? namespace : access.namespace();
            session = new Session(new ApiClient(access.server(), access.token()), effectiveNamespace);
        }
        return session;
    }
}
