package io.kubelite.cli.node;

import io.kubelite.cli.ApiCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cordon NODE}: no new pods are scheduled there; those it runs stay. */
@Command(name = "cordon", description = "Mark a node unschedulable.")
public final class CordonCommand extends ApiCommand {

    @Parameters(paramLabel = "NODE")
    String node;

    @Override
    protected int execute() {
        NodeSchedulable.set(session().client(), node, true, out());
        return 0;
    }
}
