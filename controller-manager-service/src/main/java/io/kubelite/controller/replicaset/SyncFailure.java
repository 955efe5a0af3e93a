package io.kubelite.controller.replicaset;

/** Why creating or deleting a ReplicaSet's pods failed: its ReplicaFailure condition. */
record SyncFailure(String reason, String message) { }
