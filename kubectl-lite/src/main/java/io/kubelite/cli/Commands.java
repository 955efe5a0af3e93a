package io.kubelite.cli;

import io.kubelite.cli.bowl.BowlCommand;
import io.kubelite.cli.apply.ApplyCommand;
import io.kubelite.cli.apply.CreateCommand;
import io.kubelite.cli.delete.DeleteCommand;
import io.kubelite.cli.describe.DescribeCommand;
import io.kubelite.cli.discovery.ApiResourcesCommand;
import io.kubelite.cli.get.GetCommand;
import io.kubelite.cli.logs.LogsCommand;
import io.kubelite.cli.node.CordonCommand;
import io.kubelite.cli.node.DrainCommand;
import io.kubelite.cli.node.UncordonCommand;
import io.kubelite.cli.rollout.RolloutCommand;
import io.kubelite.cli.scale.ScaleCommand;
import io.kubelite.cli.version.VersionCommand;
import picocli.CommandLine;

/** Every subcommand of kubectl-lite, registered in one place. */
final class Commands {

    private Commands() { }

    static void register(CommandLine top) {
        top.addSubcommand(new GetCommand());
        top.addSubcommand(new DescribeCommand());
        top.addSubcommand(new ApplyCommand());
        top.addSubcommand(new CreateCommand());
        top.addSubcommand(new DeleteCommand());
        top.addSubcommand(new ApiResourcesCommand());
        top.addSubcommand(new VersionCommand());
        top.addSubcommand(new LogsCommand());
        top.addSubcommand(new ScaleCommand());
        top.addSubcommand(new RolloutCommand());
        top.addSubcommand(new CordonCommand());
        top.addSubcommand(new UncordonCommand());
        top.addSubcommand(new DrainCommand());
        top.addSubcommand(new BowlCommand());
    }
}
