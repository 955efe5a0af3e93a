package io.kubelite.agent.runtime.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import io.kubelite.model.core.Container;
import io.kubelite.model.core.ContainerPort;
import io.kubelite.model.core.EnvVar;
import io.kubelite.model.quantity.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How a pod's container becomes Docker's create request, field by field as the kubelet maps them. */
final class ContainerSpecs {

    /** Docker refuses a CPU limit below a hundredth of a CPU. */
    static final long MIN_NANO_CPUS = 10_000_000L;
    private static final long NANO_CPUS_PER_CPU = 1_000_000_000L;

    private ContainerSpecs() { }

    /**
     * Fills the create request. {@code command} replaces the image's entrypoint (and with it the image's
     * default args), {@code args} its cmd, as in Kubernetes. Limits come from {@code resources.limits} only:
     * requests are for scheduling. A CPU limit above the engine's {@code engineCpus} is capped there, since
     * Docker refuses more CPUs than it has and could not give them anyway.
     */
    static CreateContainerCmd apply(CreateContainerCmd cmd, ContainerIdentity identity, Container container,
                                    int engineCpus) {
        cmd.withName(identity.dockerName()).withLabels(identity.labels());
        if (container.command() != null && !container.command().isEmpty()) {
            cmd.withEntrypoint(container.command());
        }
        if (container.args() != null && !container.args().isEmpty()) {
            cmd.withCmd(container.args());
        }
        if (container.workingDir() != null && !container.workingDir().isEmpty()) {
            cmd.withWorkingDir(container.workingDir());
        }
        if (container.env() != null) {
            cmd.withEnv(container.env().stream().map(ContainerSpecs::env).toList());
        }
        HostConfig host = HostConfig.newHostConfig();
        List<ExposedPort> exposed = new ArrayList<>();
        Ports bindings = new Ports();
        for (ContainerPort port : container.ports() == null ? List.<ContainerPort>of() : container.ports()) {
            if (port.containerPort() == null) {
                continue;
            }
            ExposedPort exposedPort = new ExposedPort(port.containerPort(), protocol(port.protocol()));
            exposed.add(exposedPort);
            if (port.hostPort() != null && port.hostPort() > 0) {
                bindings.bind(exposedPort, port.hostIP() == null || port.hostIP().isEmpty()
                        ? Ports.Binding.bindPort(port.hostPort())
                        : Ports.Binding.bindIpAndPort(port.hostIP(), port.hostPort()));
            }
        }
        if (!exposed.isEmpty()) {
            cmd.withExposedPorts(exposed);
            host.withPortBindings(bindings);
        }
        Map<String, Quantity> limits = container.resources() == null ? null : container.resources().limits();
        Quantity memory = limits == null ? null : limits.get("memory");
        if (memory != null && memory.signum() > 0) {
            // Swap equal to memory means no swap, as for Kubernetes pods.
            host.withMemory(memory.value()).withMemorySwap(memory.value());
        }
        Quantity cpu = limits == null ? null : limits.get("cpu");
        if (cpu != null && cpu.signum() > 0) {
            host.withNanoCPUs(nanoCpus(cpu, engineCpus));
        }
        return cmd.withHostConfig(host);
    }

    static long nanoCpus(Quantity cpu, int engineCpus) {
        long wanted = cpu.milliValue() > Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE : cpu.milliValue() * 1_000_000L;
        return Math.max(MIN_NANO_CPUS, Math.min(wanted, engineCpus * NANO_CPUS_PER_CPU));
    }

    private static String env(EnvVar variable) {
        return variable.name() + "=" + (variable.value() == null ? "" : variable.value());
    }

    private static InternetProtocol protocol(String protocol) {
        return protocol == null ? InternetProtocol.TCP : InternetProtocol.parse(protocol.toLowerCase(Locale.ROOT));
    }
}
