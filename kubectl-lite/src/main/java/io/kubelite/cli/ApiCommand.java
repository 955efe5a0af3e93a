package io.kubelite.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that talks to the API server. It returns its exit code; a server error it does not handle itself
 * propagates as an {@link io.kubelite.cli.api.ApiException} and is printed by {@link ErrorHandler}.
 */
public abstract class ApiCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    /** The connection and namespace from the global options and the kubeconfig. */
    protected Session session() {
        return ((KubectlLite) spec.root().userObject()).session();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public final Integer call() throws Exception {
        int code = execute();
        out().flush();
        return code;
    }

    /** Does the command's work and returns its exit code. */
    protected abstract int execute() throws Exception;
}
