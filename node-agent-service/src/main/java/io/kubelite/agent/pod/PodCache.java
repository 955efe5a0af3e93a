package io.kubelite.agent.pod;

import io.kubelite.model.core.Pod;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pods bound to the hosted nodes, as last read from the store, by uid. A version older than the one held is
 * ignored, so a watch event that catches up with the agent's own status write cannot roll the pod back.
 */
public final class PodCache {

    private final Map<String, Pod> byUid = new ConcurrentHashMap<>();
    private final Map<String, String> uidByKey = new ConcurrentHashMap<>();

    /** Keeps this version of the pod unless a newer one is held; returns whether it was kept. */
    public synchronized boolean put(Pod pod) {
        String uid = pod.metadata().uid();
        Pod held = byUid.get(uid);
        if (held != null && version(held) > version(pod)) {
            return false;
        }
        byUid.put(uid, pod);
        uidByKey.put(key(pod.metadata().namespace(), pod.metadata().name()), uid);
        return true;
    }

    public synchronized void remove(String uid) {
        Pod removed = byUid.remove(uid);
        if (removed != null) {
            uidByKey.remove(key(removed.metadata().namespace(), removed.metadata().name()), uid);
        }
    }

    /** Replaces everything with a fresh list; returns the uids that were held and are gone. */
    public synchronized Set<String> replaceAll(List<Pod> pods) {
        Set<String> gone = new java.util.HashSet<>(byUid.keySet());
        byUid.clear();
        uidByKey.clear();
        for (Pod pod : pods) {
            put(pod);
            gone.remove(pod.metadata().uid());
        }
        return gone;
    }

    public Pod get(String uid) {
        return byUid.get(uid);
    }

    public Pod get(String namespace, String name) {
        String uid = uidByKey.get(key(namespace, name));
        return uid == null ? null : byUid.get(uid);
    }

    public Collection<Pod> all() {
        return byUid.values();
    }

    public long countInPhase(String phase) {
        return byUid.values().stream().filter(p -> phase.equals(PodFacts.phase(p))).count();
    }

    static long version(Pod pod) {
        String version = pod.metadata().resourceVersion();
        return version == null ? 0 : Long.parseLong(version);
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
