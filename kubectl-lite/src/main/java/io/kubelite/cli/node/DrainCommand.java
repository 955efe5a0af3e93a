package io.kubelite.cli.node;

import io.kubelite.cli.ApiCommand;
import io.kubelite.cli.DurationConverter;
import io.kubelite.cli.api.ApiClient;
import io.kubelite.cli.api.ApiException;
import io.kubelite.cli.api.ListOptions;
import io.kubelite.cli.api.ResourcePaths;
import io.kubelite.model.ResourceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code drain NODE}: cordons the node, deletes its pods (kube-lite serves no eviction subresource, so each is
 * deleted gracefully, with its uid as a precondition) and waits until they are gone, as kubectl drain does.
 */
@Command(name = "drain", description = "Cordon a node and delete the pods it runs, waiting until they are gone.")
public final class DrainCommand extends ApiCommand {

    private static final long POLL_MILLIS = 500;

    @Parameters(paramLabel = "NODE")
    String node;

    @Option(names = "--ignore-daemonsets",
            description = "Leave pods a DaemonSet controls (kube-lite has no DaemonSets; accepted for kubectl's sake).")
    boolean ignoreDaemonSets;

    @Option(names = "--force", description = "Also delete pods that no controller owns (they are not recreated).")
    boolean force;

    @Option(names = "--grace-period", defaultValue = "-1",
            description = "Seconds each pod gets to stop (default -1: the pod's own).")
    long gracePeriod;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "0", converter = DurationConverter.class,
            description = "How long to wait for the pods to go (0, the default: as long as it takes).")
    Duration timeout;

    @Override
    protected int execute() throws InterruptedException {
        ApiClient client = session().client();
        NodeSchedulable.set(client, node, true, out());
        List<JsonNode> pods = new ArrayList<>();
        List<String> daemonSetPods = new ArrayList<>();
        List<String> unmanaged = new ArrayList<>();
        ListOptions onNode = new ListOptions(null, "spec.nodeName=" + node);
        for (JsonNode pod : client.list(ResourceKind.POD, null, onNode).path("items")) {
            String controller = controllerKind(pod);
            if (controller.equals("DaemonSet")) {
                daemonSetPods.add(key(pod));
            } else {
                if (controller.isEmpty() && !finished(pod)) {
                    unmanaged.add(key(pod));
                }
                pods.add(pod);
            }
        }
        List<String> problems = new ArrayList<>();
        if (!unmanaged.isEmpty() && !force) {
            problems.add("cannot delete Pods that declare no controller (use --force to override): "
                    + String.join(", ", unmanaged));
        }
        if (!daemonSetPods.isEmpty() && !ignoreDaemonSets) {
            problems.add("cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): "
                    + String.join(", ", daemonSetPods));
        }
        if (!problems.isEmpty()) {
            err().println("error: unable to drain node \"" + node + "\" due to error: " + String.join(", ", problems)
                    + ", continuing command...");
            err().println("There are pending nodes to be drained:");
            err().println(" " + node);
            return 1;
        }
        if (!daemonSetPods.isEmpty()) {
            err().println("Warning: ignoring DaemonSet-managed Pods: " + String.join(", ", daemonSetPods));
        }
        if (!unmanaged.isEmpty()) {
            err().println("Warning: deleting Pods that declare no controller: " + String.join(", ", unmanaged));
        }
        for (JsonNode pod : pods) {
            out().println("evicting pod " + key(pod));
            out().flush();
            delete(client, pod);
        }
        if (!waitUntilGone(client, pods)) {
            err().println("error: unable to drain node \"" + node + "\": timed out waiting for its pods to go");
            return 1;
        }
        out().println("node/" + node + " drained");
        return 0;
    }

    private void delete(ApiClient client, JsonNode pod) {
        var options = ApiClient.JSON.createObjectNode().put("kind", "DeleteOptions").put("apiVersion", "v1");
        options.set("preconditions", ApiClient.JSON.createObjectNode().put("uid", uid(pod)));
        if (gracePeriod >= 0) {
            options.put("gracePeriodSeconds", gracePeriod);
        }
        try {
            client.send("DELETE", path(pod), options, "application/json");
        } catch (ApiException e) {
            // gone already, or replaced by a pod of the same name: either way this one is not on the node
            if (!e.isNotFound() && e.code() != 409) {
                throw e;
            }
        }
    }

    /** Polls each pod until it is gone (or replaced by another of its name); prints {@code pod/x evicted} for each. */
    private boolean waitUntilGone(ApiClient client, List<JsonNode> pods) throws InterruptedException {
        long deadline = timeout.isZero() ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        List<JsonNode> left = new ArrayList<>(pods);
        while (!left.isEmpty()) {
            left.removeIf(pod -> {
                boolean gone = isGone(client, pod);
                if (gone) {
                    out().println("pod/" + pod.path("metadata").path("name").asString("") + " evicted");
                    out().flush();
                }
                return gone;
            });
            if (left.isEmpty()) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    private static boolean isGone(ApiClient client, JsonNode pod) {
        try {
            return !uid(pod).equals(uid(client.getJson(path(pod))));
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return true;
            }
            throw e;
        }
    }

    private static String controllerKind(JsonNode pod) {
        for (JsonNode owner : pod.path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) {
                return owner.path("kind").asString("");
            }
        }
        return "";
    }

    private static boolean finished(JsonNode pod) {
        String phase = pod.path("status").path("phase").asString("");
        return phase.equals("Succeeded") || phase.equals("Failed");
    }

    private static String path(JsonNode pod) {
        return ResourcePaths.of(ResourceKind.POD, pod.path("metadata").path("namespace").asString(""),
                pod.path("metadata").path("name").asString(""));
    }

    private static String key(JsonNode pod) {
        return pod.path("metadata").path("namespace").asString("") + "/" + pod.path("metadata").path("name").asString("");
    }

    private static String uid(JsonNode object) {
        return object.path("metadata").path("uid").asString("");
    }
}
