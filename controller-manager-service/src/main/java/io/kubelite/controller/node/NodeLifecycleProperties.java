package io.kubelite.controller.node;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The node lifecycle controller's settings ({@code kubelite.controller-manager.node-lifecycle.*}).
 *
 * @param monitorPeriod     how often the node leases are read (1s)
 * @param gracePeriod       how long a node may go without a heartbeat before it is {@code Ready=Unknown} and
 *                          tainted unreachable (10s; Kubernetes' node-monitor-grace-period is 40-50s)
 * @param defaultToleration how long a pod stays on a not-ready or unreachable node when it has no toleration of its
 *                          own for that taint (5s; Kubernetes' admission gives every pod 300s)
 * @param forceDeleteAfter  a pod being deleted on a node without heartbeats is deleted for good this long after its
 *                          deletion grace period ended, since no agent is left to finish it (30s)
 */
@ConfigurationProperties("kubelite.controller-manager.node-lifecycle")
public record NodeLifecycleProperties(@DefaultValue("1s") Duration monitorPeriod,
                                      @DefaultValue("10s") Duration gracePeriod,
                                      @DefaultValue("5s") Duration defaultToleration,
                                      @DefaultValue("30s") Duration forceDeleteAfter) { }
