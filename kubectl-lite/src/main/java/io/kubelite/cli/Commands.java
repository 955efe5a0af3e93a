package io.kubelite.cli;

import io.kubelite.cli.bowl.BowlCommand;
import io.kubelite.cli.get.GetCommand;
import io.kubelite.cli.version.VersionCommand;
import picocli.CommandLine;

/** Every subcommand of kubectl-lite, registered in one place. */
final class Commands {

    private Commands() { }

    static void register(CommandLine top) {
        top.addSubcommand(new GetCommand());
        top.addSubcommand(new VersionCommand());
        top.addSubcommand(new BowlCommand());
    }
}
