package io.kubelite.cli.rollout;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rollout status|history|undo deployment/web}. */
@Command(name = "rollout", description = "Manage the rollout of a deployment.",
        subcommands = {RolloutStatusCommand.class, RolloutHistoryCommand.class, RolloutUndoCommand.class})
public final class RolloutCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: one of status, history, undo");
    }
}
