package io.kubelite.scheduler.cache;

/**
 * What the scheduler last reported about a pod that fits nowhere, so that a repeat of the same failure bumps
 * the event's count instead of adding an event.
 *
 * @param message   the pod's condition message
 * @param eventName the FailedScheduling event that reported it, or null when none was written
 */
public record ReportedFailure(String message, String eventName) { }
