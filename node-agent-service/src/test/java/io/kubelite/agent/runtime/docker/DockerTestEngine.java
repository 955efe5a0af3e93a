package io.kubelite.agent.runtime.docker;

import static org.assertj.core.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.kubelite.agent.runtime.PodRef;
import io.kubelite.agent.runtime.RuntimeContainer;
import io.kubelite.model.core.Container;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The real Docker engine the tests run containers in ({@code DOCKER_HOST}), with the local test image. A
 * missing engine or image fails the tests with the command that provides it: CI always has both, so a
 * skip would hide a broken setup. Each test class gets a node name of its own, and every container of
 * that node is removed after each test.
 */
final class DockerTestEngine {

    static final String IMAGE = "kubelite/busybox:1";
    /** The cluster uid this JVM's containers carry, so that no other cluster's agent counts them as its own. */
    static final String TEST_CLUSTER = UUID.randomUUID().toString();
    private static final String SETUP = "start one and build the test image with `deploy/docker-engine start && "
            + "deploy/docker-engine image`, then `eval \"$(deploy/docker-engine env)\"` (deploy/kube-lite test does all of this)";

    private static DockerClient docker;
    private static DockerContainerRuntime runtime;

    private DockerTestEngine() { }

    /** The shared client, after checking that the engine answers and holds the test image. */
    static synchronized DockerClient docker() {
        if (docker == null) {
            DockerProperties properties = DockerProperties.defaults();
            DockerClient client = DockerContainerRuntime.client(properties);
            try {
                client.pingCmd().exec();
            } catch (RuntimeException e) {
                fail("No Docker engine answers on " + properties.host() + " (" + e.getMessage() + "): " + SETUP);
            }
            try {
                client.inspectImageCmd(IMAGE).exec();
            } catch (NotFoundException e) {
                fail("The Docker engine on " + properties.host() + " lacks the test image " + IMAGE + ": " + SETUP);
            }
            docker = client;
            runtime = new DockerContainerRuntime(client, TEST_CLUSTER);
        }
        return docker;
    }

    static synchronized DockerContainerRuntime runtime() {
        docker();
        return runtime;
    }

    /** A node name no other test (or concurrent test run on the same engine) uses. */
    static String uniqueNode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static PodRef pod(String node, String name) {
        return new PodRef(node, "default", name, UUID.randomUUID().toString());
    }

    static Container container(String name, List<String> command, List<String> args) {
        return new Container(name, IMAGE, command, args, null, null, null, null, null, null, null, null, null,
                "Never");
    }

    static Container shell(String name, String script) {
        return container(name, List.of("sh", "-c"), List.of(script));
    }

    /** Removes every container the tests started on this node, whatever the runtime reports. */
    static void removeAll(String node) {
        docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerIdentity.NODE, node))
                .exec()
                .forEach(c -> docker().removeContainerCmd(c.getId()).withForce(true).exec());
    }

    /** The container as {@code containers()} reports it, once it matches, polling every 50 ms. */
    static RuntimeContainer await(String node, String id, Predicate<RuntimeContainer> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<RuntimeContainer> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            last = runtime().containers(Set.of(node)).stream().filter(c -> c.id().equals(id)).findFirst();
            if (last.isPresent() && condition.test(last.get())) {
                return last.get();
            }
            Thread.sleep(50);
        }
        return fail("container " + id + " did not reach the expected state in " + timeout + "; last seen: " + last);
    }

    static RuntimeContainer awaitExit(String node, String id) throws InterruptedException {
        return await(node, id, c -> c.state() == RuntimeContainer.State.EXITED, Duration.ofSeconds(15));
    }
}
