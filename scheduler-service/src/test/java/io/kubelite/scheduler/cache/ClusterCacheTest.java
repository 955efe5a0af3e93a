package io.kubelite.scheduler.cache;

import static io.kubelite.scheduler.testing.NodeBuilder.node;
import static io.kubelite.scheduler.testing.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.Json;
import io.kubelite.scheduler.framework.NodeInfo;
import io.kubelite.scheduler.testing.NodeBuilder;
import io.kubelite.scheduler.testing.PodBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ClusterCacheTest {

    private final AtomicLong clock = new AtomicLong();
    private final ClusterCache cache = new ClusterCache("default-scheduler", Duration.ofMinutes(5), clock::get);

    @Test
    void boundPodsCountOnTheirNodeAndPendingOnesQueue() {
        cache.replaceNodes(List.of(object(node("n"))));
        cache.replacePods(List.of(bound(pod("running").requests("1", "1Gi"), "n", 5), object(pod("waiting"), 6)), 6);

        SchedulingRound round = cache.nextRound(100);

        assertThat(round.pods()).extracting(p -> p.info().name()).containsExactly("waiting");
        assertThat(onlyNode(round).requestedMilliCpu()).isEqualTo(1000);
        assertThat(onlyNode(round).podCount()).isEqualTo(1);
    }

    @Test
    void podsBoundBeforeTheirNodeIsKnownCountOnceItAppears() {
        cache.applyPodEvent("ADDED", bound(pod("early").requests("2", null), "late", 3), 3);
        cache.applyNodeEvent("ADDED", object(node("late")));

        assertThat(onlyNode(cache.nextRound(100)).requestedMilliCpu()).isEqualTo(2000);
    }

    @Test
    void anAssumedBindIsNotUndoneByAnOlderEvent() {
        cache.replaceNodes(List.of(object(node("n"))));
        ObjectNode pending = object(pod("p").requests("1", null), 10);
        cache.applyPodEvent("ADDED", pending, 10);

        cache.assume(bound(pod("p").requests("1", null), "n", 12));
        cache.applyPodEvent("MODIFIED", object(pod("p").requests("1", null), 11), 11);

        SchedulingRound round = cache.nextRound(100);
        assertThat(round.pods()).isEmpty();
        assertThat(onlyNode(round).requestedMilliCpu()).isEqualTo(1000);
    }

    @Test
    void finishedAndDeletedPodsFreeTheirRequests() {
        cache.replaceNodes(List.of(object(node("n"))));
        cache.applyPodEvent("ADDED", bound(pod("a").requests("1", null), "n", 2), 2);
        cache.applyPodEvent("ADDED", bound(pod("b").requests("1", null), "n", 3), 3);

        ObjectNode finished = bound(pod("a").requests("1", null), "n", 4);
        finished.putObject("status").put("phase", "Succeeded");
        cache.applyPodEvent("MODIFIED", finished, 4);
        cache.applyPodEvent("DELETED", bound(pod("b").requests("1", null), "n", 3), 5);

        assertThat(onlyNode(cache.nextRound(100)).podCount()).isZero();
    }

    @Test
    void podsForAnotherSchedulerOrBeingDeletedAreNotQueued() {
        ObjectNode other = object(pod("other"), 2);
        ((ObjectNode) other.get("spec")).put("schedulerName", "gpu-scheduler");
        ObjectNode deleting = object(pod("deleting"), 3);
        ((ObjectNode) deleting.get("metadata")).put("deletionTimestamp", "2026-01-01T00:00:00Z");

        cache.applyPodEvent("ADDED", other, 2);
        cache.applyPodEvent("ADDED", deleting, 3);

        assertThat(cache.nextRound(100).pods()).isEmpty();
    }

    @Test
    void aParkedPodWaitsForAClusterChange() {
        cache.applyPodEvent("ADDED", object(pod("p"), 2), 2);
        SchedulingRound round = cache.nextRound(100);
        cache.park(round.pods().get(0), new ReportedFailure("no nodes", null), round.changesSeen());

        assertThat(cache.nextRound(100).pods()).isEmpty();
        assertThat(cache.pendingCount()).isEqualTo(1);

        cache.applyNodeEvent("ADDED", object(node("n")));

        assertThat(cache.nextRound(100).pods()).singleElement()
                .satisfies(p -> assertThat(p.lastFailure().message()).isEqualTo("no nodes"));
    }

    @Test
    void aPodStaysActiveWhenTheClusterChangedDuringItsRound() {
        cache.applyPodEvent("ADDED", object(pod("p"), 2), 2);
        SchedulingRound round = cache.nextRound(100);
        cache.applyNodeEvent("ADDED", object(node("n")));

        cache.park(round.pods().get(0), new ReportedFailure("no nodes", null), round.changesSeen());

        assertThat(cache.nextRound(100).pods()).hasSize(1);
    }

    @Test
    void aParkedPodIsRetriedAfterTheRetryInterval() {
        cache.applyPodEvent("ADDED", object(pod("p"), 2), 2);
        SchedulingRound round = cache.nextRound(100);
        cache.park(round.pods().get(0), new ReportedFailure("no nodes", null), round.changesSeen());

        clock.addAndGet(Duration.ofMinutes(5).toNanos());

        assertThat(cache.nextRound(100).pods()).hasSize(1);
    }

    @Test
    void aRoundTakesTheHighestPriorityPodsFirstUpToItsLimit() {
        cache.applyPodEvent("ADDED", object(pod("low"), 2), 2);
        cache.applyPodEvent("ADDED", object(pod("high").priority(10), 3), 3);

        SchedulingRound round = cache.nextRound(1);

        assertThat(round.pods()).extracting(p -> p.info().name()).containsExactly("high");
        assertThat(round.morePending()).isTrue();
    }

    private static NodeInfo onlyNode(SchedulingRound round) {
        assertThat(round.snapshot().nodes()).hasSize(1);
        return round.snapshot().nodes().get(0);
    }

    private static ObjectNode object(NodeBuilder node) {
        return Json.MAPPER.valueToTree(node.build());
    }

    private static ObjectNode object(PodBuilder pod, long resourceVersion) {
        ObjectNode object = Json.MAPPER.valueToTree(pod.build());
        ((ObjectNode) object.get("metadata")).put("resourceVersion", Long.toString(resourceVersion));
        return object;
    }

    private static ObjectNode bound(PodBuilder pod, String nodeName, long resourceVersion) {
        ObjectNode object = object(pod, resourceVersion);
        ((ObjectNode) object.get("spec")).put("nodeName", nodeName);
        return object;
    }
}
