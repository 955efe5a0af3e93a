package io.kubelite.cli.bowl;

import java.util.List;

/**
 * Everything one frame shows: the pins, what the pinsetter (the control plane) is carrying, a status line and a
 * footer (the keys, or the frame number).
 *
 * @param server      the API server's address
 * @param clock       the time of the frame, {@code HH:mm:ss}
 * @param pins        the nodes, in name order
 * @param waiting     pods not bound to a node yet: the pinsetter is carrying them
 * @param leaving     pods being deleted (evicted from a fallen pin, or stopping)
 */
public record Lane(String server, String clock, List<Pin> pins, int waiting, int leaving, String status,
                   String footer) {
}
