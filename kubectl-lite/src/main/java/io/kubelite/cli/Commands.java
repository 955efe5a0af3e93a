package io.kubelite.cli;

import io.kubelite.cli.version.VersionCommand;
import picocli.CommandLine;

/** Every subcommand of kubectl-lite, registered in one place. */
final class Commands {

    private Commands() { }

    static void register(CommandLine top) {
        top.addSubcommand(new VersionCommand());
    }
}
