package io.kubelite.cli.logs;

import io.kubelite.cli.ApiCommand;
import io.kubelite.cli.api.ResourcePaths;
import io.kubelite.model.ResourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code logs [-f] [-c CONTAINER] [--tail N] POD}: the pod's {@code log} subresource, streamed with -f. */
@Command(name = "logs", description = "Print the logs of a container in a pod.")
public final class LogsCommand extends ApiCommand {

    @Parameters(paramLabel = "POD", description = "The pod (also pod/NAME).")
    String pod;

    @Option(names = {"-c", "--container"}, description = "The container; may be left out when the pod has one.")
    String container;

    @Option(names = {"-f", "--follow"}, description = "Keep streaming the output as it is written.")
    boolean follow;

    @Option(names = "--tail", defaultValue = "-1", description = "Only the last N lines (default -1: all).")
    long tail;

    @Override
    protected int execute() throws IOException {
        String name = pod.startsWith("pod/") ? pod.substring(4) : pod.startsWith("pods/") ? pod.substring(5) : pod;
        List<String> query = new ArrayList<>();
        if (container != null) {
            query.add("container=" + URLEncoder.encode(container, StandardCharsets.UTF_8));
        }
        if (tail >= 0) {
            query.add("tailLines=" + tail);
        }
        if (follow) {
            query.add("follow=true");
        }
        String path = ResourcePaths.of(ResourceKind.POD, session().namespace(), name) + "/log"
                + (query.isEmpty() ? "" : "?" + String.join("&", query));
        if (!follow) {
            out().print(session().client().getText(path));
            return 0;
        }
        try (InputStream stream = session().client().stream(path)) {
            byte[] buffer = new byte[8192];
            for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
                out().print(new String(buffer, 0, read, StandardCharsets.UTF_8));
                out().flush();
            }
        }
        return 0;
    }
}
