package io.kubelite.store;

/**
 * Kubernetes' pods/binding: assigns a pending pod to a node.
 *
 * @param namespace       the pod's namespace ("default" when empty)
 * @param name            the pod's name
 * @param uid             when set, the pod must still have this uid
 * @param resourceVersion when set, the pod must still be at this version (compare-and-swap); when null the
 *                        binding applies to the pod as it is now
 * @param nodeName        the node the pod is bound to
 */
public record Binding(String namespace, String name, String uid, String resourceVersion, String nodeName) { }
