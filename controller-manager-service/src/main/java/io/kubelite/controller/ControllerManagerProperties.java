package io.kubelite.controller;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The controller manager's settings ({@code kubelite.controller-manager.*}).
 *
 * @param workers              worker threads per controller (4)
 * @param resyncPeriod         how often every object is reconciled again even if nothing changed (30s), a safety
 *                             net beside the watches
 * @param retryBase            the first delay before a failed reconcile is tried again (100ms), doubling...
 * @param retryMax             ...up to this (30s)
 * @param leaderRetryInterval  how often a standby tries to become the leader and the leader checks its
 *                             connection (1s)
 */
@ConfigurationProperties("kubelite.controller-manager")
public record ControllerManagerProperties(@DefaultValue("4") int workers,
                                          @DefaultValue("30s") Duration resyncPeriod,
                                          @DefaultValue("100ms") Duration retryBase,
                                          @DefaultValue("30s") Duration retryMax,
                                          @DefaultValue("1s") Duration leaderRetryInterval) { }
