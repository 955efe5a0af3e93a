package io.kubelite.cli.print;

import static io.kubelite.cli.print.Fields.NONE;
import static io.kubelite.cli.print.Fields.text;
import static io.kubelite.cli.print.Fields.textOr;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** NAME READY STATUS RESTARTS AGE (+ IP NODE NOMINATED NODE READINESS GATES), computed as kubectl computes them. */
public final class PodTable implements ResourceTable {

    @Override
    public List<String> headers(boolean wide) {
        List<String> headers = new ArrayList<>(List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"));
        if (wide) {
            headers.addAll(List.of("IP", "NODE", "NOMINATED NODE", "READINESS GATES"));
        }
        return headers;
    }

    @Override
    public List<String> row(JsonNode pod, boolean wide, Instant now) {
        int containers = pod.path("spec").path("containers").size();
        int ready = 0;
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            if (status.path("ready").asBoolean(false) && status.path("state").has("running")) {
                ready++;
            }
        }
        List<String> row = new ArrayList<>(List.of(Fields.name(pod), ready + "/" + containers, status(pod),
                restarts(pod, now), Age.since(text(pod, "metadata", "creationTimestamp"), now)));
        if (wide) {
            row.addAll(List.of(textOr(pod, NONE, "status", "podIP"), textOr(pod, NONE, "spec", "nodeName"),
                    textOr(pod, NONE, "status", "nominatedNodeName"), NONE));
        }
        return row;
    }

    /** kubectl's STATUS column: the phase, overridden by the reason of an init or app container that is not running. */
    public static String status(JsonNode pod) {
        String reason = textOr(pod, text(pod, "status", "phase"), "status", "reason");
        boolean initializing = false;
        JsonNode initStatuses = pod.path("status").path("initContainerStatuses");
        int initContainers = pod.path("spec").path("initContainers").size();
        for (int i = 0; i < initStatuses.size(); i++) {
            JsonNode state = initStatuses.get(i).path("state");
            JsonNode terminated = state.path("terminated");
            String waitingReason = text(state, "waiting", "reason");
            if (!terminated.isMissingNode() && terminated.path("exitCode").asInt(0) == 0) {
                continue;
            }
            if (!terminated.isMissingNode()) {
                reason = "Init:" + terminatedReason(terminated);
            } else if (!waitingReason.isEmpty() && !waitingReason.equals("PodInitializing")) {
                reason = "Init:" + waitingReason;
            } else {
                reason = "Init:" + i + "/" + initContainers;
            }
            initializing = true;
            break;
        }
        if (!initializing) {
            boolean hasRunning = false;
            JsonNode statuses = pod.path("status").path("containerStatuses");
            for (int i = statuses.size() - 1; i >= 0; i--) {
                JsonNode container = statuses.get(i);
                JsonNode state = container.path("state");
                String waitingReason = text(state, "waiting", "reason");
                if (!waitingReason.isEmpty()) {
                    reason = waitingReason;
                } else if (state.has("terminated")) {
                    reason = terminatedReason(state.path("terminated"));
                } else if (container.path("ready").asBoolean(false) && state.has("running")) {
                    hasRunning = true;
                }
            }
            if (reason.equals("Completed") && hasRunning) {
                reason = "True".equals(text(Fields.condition(pod, "Ready"), "status")) ? "Running" : "NotReady";
            }
        }
        if (!text(pod, "metadata", "deletionTimestamp").isEmpty()) {
            reason = "NodeLost".equals(text(pod, "status", "reason")) ? "Unknown" : "Terminating";
        }
        return reason;
    }

    private static String terminatedReason(JsonNode terminated) {
        String reason = text(terminated, "reason");
        if (!reason.isEmpty()) {
            return reason;
        }
        long signal = terminated.path("signal").asLong(0);
        return signal != 0 ? "Signal:" + signal : "ExitCode:" + terminated.path("exitCode").asLong(0);
    }

    /** The restarts of all containers, and how long ago the last one ended, as in {@code 3 (42s ago)}. */
    private static String restarts(JsonNode pod, Instant now) {
        long restarts = 0;
        Instant lastEnded = null;
        for (JsonNode container : pod.path("status").path("containerStatuses")) {
            restarts += container.path("restartCount").asLong(0);
            String finished = text(container, "lastState", "terminated", "finishedAt");
            if (!finished.isEmpty()) {
                Instant ended = OffsetDateTime.parse(finished).toInstant();
                lastEnded = lastEnded == null || ended.isAfter(lastEnded) ? ended : lastEnded;
            }
        }
        return restarts > 0 && lastEnded != null
                ? restarts + " (" + Age.since(lastEnded.toString(), now) + " ago)" : Long.toString(restarts);
    }
}
