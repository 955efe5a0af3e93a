package io.kubelite.cli.bowl;

import io.kubelite.cli.api.ApiClient;
import io.kubelite.cli.api.ListOptions;
import io.kubelite.cli.api.WatchEvent;
import io.kubelite.model.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps a {@link ClusterState} current: lists nodes and pods (all namespaces), then watches each on a daemon thread
 * from the list's resourceVersion. A watch that ends or fails (an ERROR event, a lost connection) starts again
 * from a new list.
 */
public final class ClusterWatch {

    private static final long RETRY_MILLIS = 1000;

    private final ApiClient client;
    private final ClusterState state;

    public ClusterWatch(ApiClient client, ClusterState state) {
        this.client = client;
        this.state = state;
    }

    /** Lists both kinds once; a failure here (no server) is the caller's to report. */
    public void load() {
        relist(ResourceKind.NODE, state::replaceNodes);
        relist(ResourceKind.POD, state::replacePods);
    }

    /** Starts the two watches; they run until the process ends. */
    public void start() {
        follow(ResourceKind.NODE, state::replaceNodes, state::applyNode);
        follow(ResourceKind.POD, state::replacePods, state::applyPod);
    }

    /** Lists the kind into the state; answers the list's resourceVersion, where a watch goes on. */
    private String relist(ResourceKind kind, Consumer<List<JsonNode>> replace) {
        ObjectNode list = client.list(kind, null, ListOptions.ALL);
        List<JsonNode> items = new ArrayList<>();
        list.path("items").forEach(items::add);
        replace.accept(items);
        return list.path("metadata").path("resourceVersion").asString("");
    }

    private void follow(ResourceKind kind, Consumer<List<JsonNode>> replace, Consumer<WatchEvent> apply) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    String resourceVersion = relist(kind, replace);
                    client.watch(kind, null, ListOptions.ALL, resourceVersion, event -> {
                        if (event.type().equals("ERROR")) {
                            return false;
                        }
                        apply.accept(event);
                        return true;
                    });
                } catch (RuntimeException e) {
                    // the server went away or refused the watch: list and watch again after a pause
                    sleepQuietly();
                }
            }
        }, "bowl-watch-" + kind.plural());
        thread.setDaemon(true);
        thread.start();
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
