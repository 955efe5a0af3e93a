package io.kubelite.scheduler;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduler's settings ({@code kubelite.scheduler.*}).
 *
 * @param algorithm                   {@code greedy} (default) or {@code mincostflow}
 * @param schedulerName               the {@code spec.schedulerName} this scheduler serves (pods without one too)
 * @param scoreWeights                weight of each score plugin by name; the map given replaces the default
 *                                    {@code {LeastAllocated: 1}}, and a plugin left out (or 0) does not score
 * @param pollInterval                how long the loop sleeps without a watch event before looking again (1s)
 * @param batchSize                   at most this many pending pods per round (5000)
 * @param bindParallelism             threads writing binds, conditions and events at once (32): the store commits
 *                                    concurrent writes in one transaction
 * @param unschedulableRetryInterval  a pod that fit nowhere is tried again after this long even if nothing
 *                                    changed (5m), as a safety net beside the retry on cluster changes
 * @param leaderRetryInterval         how often a standby tries to become the leader and the leader checks its
 *                                    connection (1s)
 * @param mincostflowSearchTime       with {@code mincostflow}, how long a batch may search for a cheaper placement
 *                                    and the proof that it is optimal, after the flow rounds (500ms; 0 to skip)
 */
@ConfigurationProperties("kubelite.scheduler")
public record SchedulerProperties(@DefaultValue("greedy") String algorithm,
                                  @DefaultValue("default-scheduler") String schedulerName,
                                  Map<String, Integer> scoreWeights,
                                  @DefaultValue("1s") Duration pollInterval,
                                  @DefaultValue("5000") int batchSize,
                                  @DefaultValue("32") int bindParallelism,
                                  @DefaultValue("5m") Duration unschedulableRetryInterval,
                                  @DefaultValue("1s") Duration leaderRetryInterval,
                                  @DefaultValue("500ms") Duration mincostflowSearchTime) {

    public SchedulerProperties {
        if (scoreWeights == null || scoreWeights.isEmpty()) {
            scoreWeights = Map.of("LeastAllocated", 1);
        }
    }
}
