package io.kubelite.controller.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.core.Taint;
import io.kubelite.model.core.Toleration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoExecuteTaintsTest {

    private static final Instant ADDED = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant NOW = ADDED.plusSeconds(2);
    private static final NoExecuteTaints TAINTS = new NoExecuteTaints(Duration.ofSeconds(5));
    private static final Taint UNREACHABLE = new Taint(NoExecuteTaints.UNREACHABLE, null, "NoExecute", ADDED);
    private static final Taint DEDICATED = new Taint("dedicated", "db", "NoExecute", ADDED);

    @Test
    void aPodWithoutTolerationsStaysTheDefaultTimeOnAnUnreachableNode() {
        assertThat(TAINTS.evictionTime(List.of(UNREACHABLE), List.of(), NOW)).contains(ADDED.plusSeconds(5));
    }

    @Test
    void aPodsOwnTolerationOfUnreachableReplacesTheDefault() {
        Toleration shortly = new Toleration(NoExecuteTaints.UNREACHABLE, "Exists", null, "NoExecute", 1L);
        Toleration forever = new Toleration(NoExecuteTaints.UNREACHABLE, "Exists", null, "NoExecute", null);

        assertThat(TAINTS.evictionTime(List.of(UNREACHABLE), List.of(shortly), NOW)).contains(ADDED.plusSeconds(1));
        assertThat(TAINTS.evictionTime(List.of(UNREACHABLE), List.of(forever), NOW)).isEmpty();
    }

    @Test
    void anUntoleratedTaintEvictsFromTheMomentItWasAdded() {
        assertThat(TAINTS.evictionTime(List.of(DEDICATED), List.of(), NOW)).contains(ADDED);
    }

    @Test
    void theShortestMatchingTolerationAndTheEarliestTaintDecide() {
        List<Toleration> tolerations = List.of(
                new Toleration("dedicated", "Equal", "db", "NoExecute", 30L),
                new Toleration("dedicated", "Exists", null, null, 10L),
                new Toleration(NoExecuteTaints.UNREACHABLE, "Exists", null, "NoExecute", 60L));

        assertThat(TAINTS.evictionTime(List.of(UNREACHABLE, DEDICATED), tolerations, NOW))
                .contains(ADDED.plusSeconds(10));
    }

    @Test
    void taintsOtherThanNoExecuteNeverEvict() {
        Taint noSchedule = new Taint("dedicated", "db", "NoSchedule", ADDED);
        assertThat(TAINTS.evictionTime(List.of(noSchedule), List.of(), NOW)).isEmpty();
    }

    @Test
    void aTaintWithoutTimeAddedCountsFromNow() {
        Taint undated = new Taint(NoExecuteTaints.NOT_READY, null, "NoExecute", null);
        assertThat(TAINTS.evictionTime(List.of(undated), List.of(), NOW)).contains(NOW.plusSeconds(5));
    }
}
