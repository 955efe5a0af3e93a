package io.kubelite.benchmarks.api;

/** The small, valid objects the benchmark creates. */
public final class Manifests {

    private Manifests() {
    }

    public static String namespace(String name) {
        return """
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"%s"}}""".formatted(name);
    }

    /** One busybox container requesting 10m CPU and 16Mi memory, like a typical small workload. */
    static String pod(String namespace, String name) {
        return """
                {"apiVersion":"v1","kind":"Pod",\
                "metadata":{"name":"%s","namespace":"%s","labels":{"app":"bench"}},\
                "spec":{"containers":[{"name":"main","image":"busybox","command":["sleep","3600"],\
                "resources":{"requests":{"cpu":"10m","memory":"16Mi"}}}]}}""".formatted(name, namespace);
    }
}
