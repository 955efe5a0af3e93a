package io.kubelite.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Asks the machine's Docker engine, the one {@code deploy/docker-engine} runs for kube-lite, with its CLI. */
final class Docker {

    private Docker() {
    }

    /** The ids of the containers labelled with this pod uid, running or not. */
    static List<String> containersOf(String podUid) throws IOException, InterruptedException {
        return ids("ps", "-aq", "--filter", "label=io.kubelite.pod.uid=" + podUid);
    }

    /** The ids of the running containers labelled with this pod uid. */
    static List<String> runningContainersOf(String podUid) throws IOException, InterruptedException {
        return ids("ps", "-q", "--filter", "label=io.kubelite.pod.uid=" + podUid, "--filter", "status=running");
    }

    /** Removes these containers, running or not. */
    static void remove(List<String> containerIds) throws IOException, InterruptedException {
        if (!containerIds.isEmpty()) {
            docker(concat(List.of("rm", "-f"), containerIds));
        }
    }

    private static List<String> ids(String... arguments) throws IOException, InterruptedException {
        return docker(List.of(arguments)).lines().filter(line -> !line.isBlank()).toList();
    }

    private static String docker(List<String> arguments) throws IOException, InterruptedException {
        String dockerHost = Shell.run(List.of(KubeLite.ROOT.resolve("deploy/docker-engine").toString(), "env"),
                Map.of(), 30).trim().replace("export DOCKER_HOST=", "");
        return Shell.run(concat(List.of("docker"), arguments), Map.of("DOCKER_HOST", dockerHost), 60);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
