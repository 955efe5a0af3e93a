package io.kubelite.controller.gc;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which objects (by garbage-collector key) name each owner uid in their ownerReferences. */
final class DependentIndex {

    private final Map<String, Set<String>> byOwnerUid = new HashMap<>();

    synchronized void replace(String dependentKey, List<String> ownerUidsBefore, List<String> ownerUidsAfter) {
        for (String uid : ownerUidsBefore) {
            Set<String> dependents = byOwnerUid.get(uid);
            if (dependents != null) {
                dependents.remove(dependentKey);
                if (dependents.isEmpty()) {
                    byOwnerUid.remove(uid);
                }
            }
        }
        for (String uid : ownerUidsAfter) {
            byOwnerUid.computeIfAbsent(uid, u -> new HashSet<>()).add(dependentKey);
        }
    }

    synchronized Set<String> dependentsOf(String ownerUid) {
        return Set.copyOf(byOwnerUid.getOrDefault(ownerUid, Set.of()));
    }
}
