package io.kubelite.cli.bowl;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The last pin knocked down or stood up, and the status line that tells how it is going. */
public final class Knocks {

    private record Move(String node, boolean knock, Instant at, Set<String> podsThen) { }

    private Move last;
    private String note;

    /** A pin was knocked down; the pods it ran then are the ones to watch move. */
    public synchronized void knocked(String node, Instant at, ClusterState cluster) {
        Set<String> pods = cluster.pods().stream()
                .filter(pod -> ClusterState.runsOn(pod, node))
                .map(pod -> pod.path("metadata").path("uid").asString(""))
                .collect(Collectors.toSet());
        last = new Move(node, true, at, pods);
        note = null;
    }

    public synchronized void stood(String node, Instant at) {
        last = new Move(node, false, at, Set.of());
        note = null;
    }

    /** A message to show instead, until the next move (a knock that could not be done). */
    public synchronized void note(String message) {
        note = message;
    }

    /** One line about the last move, else about the lane as it is. */
    public synchronized String status(List<Pin> pins, ClusterState cluster, Instant now) {
        if (note != null) {
            return note;
        }
        Pin pin = last == null ? null : pins.stream().filter(p -> p.node().equals(last.node())).findFirst().orElse(null);
        if (pin == null) {
            return laneStatus(pins);
        }
        String since = seconds(Duration.between(last.at(), now));
        if (!last.knock()) {
            return pin.state() == PinState.STANDING ? last.node() + " standing again after " + since
                    : last.node() + " standing up " + since + ": waiting for its agent to report Ready";
        }
        if (pin.state() == PinState.STANDING) {
            return last.node() + " knocked " + since + " ago, yet it stands: its agent is still running";
        }
        if (pin.state() == PinState.WOBBLING) {
            return last.node() + " knocked " + since + " ago: no heartbeat, not noticed yet";
        }
        long moved = last.podsThen().stream().filter(uid -> !stillRuns(cluster, uid, last.node())).count();
        return last.node() + " down " + since + ": " + LaneRenderer.plural((int) moved, "pod") + " moved"
                + (moved < last.podsThen().size() ? ", " + (last.podsThen().size() - moved) + " to go" : "");
    }

    private static boolean stillRuns(ClusterState cluster, String uid, String node) {
        return cluster.pods().stream().anyMatch(pod -> uid.equals(pod.path("metadata").path("uid").asString(""))
                && ClusterState.runsOn(pod, node));
    }

    private static String laneStatus(List<Pin> pins) {
        List<String> down = pins.stream().filter(p -> p.state() != PinState.STANDING).map(Pin::node).toList();
        if (pins.isEmpty()) {
            return "no nodes: the lane is empty";
        }
        return down.isEmpty() ? "all " + pins.size() + " pins standing" : "down: " + String.join(", ", down);
    }

    private static String seconds(Duration duration) {
        return Math.max(0, duration.toSeconds()) + "s";
    }
}
