package io.kubelite.cli.node;

import io.kubelite.cli.ApiCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code uncordon NODE}: the node takes new pods again. */
@Command(name = "uncordon", description = "Mark a node schedulable.")
public final class UncordonCommand extends ApiCommand {

    @Parameters(paramLabel = "NODE")
    String node;

    @Override
    protected int execute() {
        NodeSchedulable.set(session().client(), node, false, out());
        return 0;
    }
}
