package io.kubelite.cli.rollout;

import io.kubelite.cli.ApiCommand;
import io.kubelite.cli.DurationConverter;
import io.kubelite.cli.TypedName;
import io.kubelite.model.ResourceKind;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** Prints a rollout's progress, a line each time it changes, until it is done, fails, or the timeout passes. */
@Command(name = "status", description = "Show the status of the rollout until it is done.")
public final class RolloutStatusCommand extends ApiCommand {

    private static final long POLL_MILLIS = 500;

    @Parameters(arity = "1..2", paramLabel = "deployment/NAME")
    List<String> target;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "0", converter = DurationConverter.class,
            description = "How long to wait before giving up (0, the default: as long as it takes).")
    Duration timeout;

    @Override
    protected int execute() throws InterruptedException {
        TypedName typed = TypedName.parse(target, Set.of(ResourceKind.DEPLOYMENT));
        long deadline = timeout.isZero() ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        String last = null;
        while (true) {
            JsonNode deployment = session().client().get(ResourceKind.DEPLOYMENT, session().namespace(), typed.name());
            RolloutProgress progress = RolloutProgress.of(deployment);
            if (progress.failed()) {
                err().println("error: " + progress.message());
                return 1;
            }
            if (!progress.message().equals(last)) {
                out().println(progress.message());
                out().flush();
                last = progress.message();
            }
            if (progress.done()) {
                return 0;
            }
            if (System.nanoTime() >= deadline) {
                err().println("error: timed out waiting for the condition");
                return 1;
            }
            Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }
}
