package io.kubelite.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs kubectl-lite in this JVM against a server, capturing what it prints and its exit code. */
final class Cli {

    /** One run's exit code and output. */
    record Result(int exitCode, String out, String err) {
    }

    private final String server;

    Cli(String server) {
        this.server = server;
    }

    Result run(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--server", server, "--kubeconfig", "/nonexistent/config"));
        all.addAll(List.of(arguments));
        int exitCode = KubectlLite.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }
}
