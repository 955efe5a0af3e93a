package io.kubelite.agent;

import io.kubelite.agent.metrics.AgentMetrics;
import io.kubelite.agent.node.MachineFacts;
import io.kubelite.agent.node.NodeHeartbeat;
import io.kubelite.agent.node.NodeRegistrar;
import io.kubelite.agent.node.NodeTemplate;
import io.kubelite.agent.pod.Admission;
import io.kubelite.agent.pod.PodCache;
import io.kubelite.agent.pod.PodInformer;
import io.kubelite.agent.pod.PodSyncer;
import io.kubelite.agent.pod.PodWorkers;
import io.kubelite.agent.pod.RuntimeRelist;
import io.kubelite.agent.runtime.ContainerRuntime;
import io.kubelite.agent.runtime.docker.DockerContainerRuntime;
import io.kubelite.store.cluster.ClusterIdentity;
import io.kubelite.agent.runtime.docker.DockerProperties;
import io.kubelite.agent.runtime.simulated.SimulatedContainerRuntime;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.lease.NodeLeaseStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the agent: its nodes, heartbeat, pod cache and informer, workers and sync, and the runtime. */
@Configuration(proxyBeanMethods = false)
class AgentConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MachineFacts machineFacts(AgentProperties properties) {
        MachineFacts machine = MachineFacts.detect();
        return properties.address() == null ? machine : machine.withAddress(properties.address());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "kubelite.agent.runtime", havingValue = AgentProperties.DOCKER, matchIfMissing = true)
    @ConditionalOnMissingBean(ContainerRuntime.class)
    DockerContainerRuntime dockerContainerRuntime(DockerProperties properties, ClusterIdentity cluster) {
        return DockerContainerRuntime.connect(properties, cluster.uid());
    }

    @Bean
    @ConditionalOnProperty(name = "kubelite.agent.runtime", havingValue = AgentProperties.SIMULATED)
    @ConditionalOnMissingBean(ContainerRuntime.class)
    SimulatedContainerRuntime simulatedContainerRuntime(Clock clock) {
        return new SimulatedContainerRuntime(clock);
    }

    @Bean
    NodeTemplate nodeTemplate(AgentProperties properties, MachineFacts machine, ContainerRuntime runtime) {
        return NodeTemplate.of(properties.capacity(), machine, runtime.version());
    }

    @Bean
    AgentMetrics agentMetrics(MeterRegistry registry, AgentProperties properties, MachineFacts machine) {
        return new AgentMetrics(registry, properties.hostedNodeNames(machine.hostName()).size());
    }

    @Bean
    PodCache podCache(AgentMetrics metrics) {
        PodCache cache = new PodCache();
        for (String phase : List.of("Pending", "Running", "Succeeded", "Failed")) {
            metrics.podsInPhase(phase, () -> cache.countInPhase(phase));
        }
        return cache;
    }

    @Bean
    PodWorkers podWorkers(AgentProperties properties, PodCache cache, AgentMetrics metrics) {
        return new PodWorkers(properties.workers(), cache, properties.restartBackOff(), metrics);
    }

    @Bean
    PodSyncer podSyncer(AgentProperties properties, MachineFacts machine, PodCache cache, ContainerRuntime runtime,
                        NodeTemplate template, ObjectStore store, AgentMetrics metrics, Clock clock,
                        PodWorkers workers) {
        return new PodSyncer(cache, runtime, hostedNodes(properties, machine), new Admission(cache, template.shape()),
                store, metrics, properties, machine.address(), clock, workers::enqueue);
    }

    @Bean
    PodInformer podInformer(AgentProperties properties, MachineFacts machine, ObjectStore store, PodCache cache,
                            PodWorkers workers) {
        return new PodInformer(store, cache, workers, hostedNodes(properties, machine));
    }

    @Bean
    RuntimeRelist runtimeRelist(AgentProperties properties, MachineFacts machine, ContainerRuntime runtime,
                                PodInformer informer, PodCache cache, PodWorkers workers) {
        return new RuntimeRelist(runtime, hostedNodes(properties, machine), informer, cache, workers,
                properties.syncPeriod());
    }

    @Bean
    NodeAgent nodeAgent(AgentProperties properties, MachineFacts machine, ObjectStore store, NodeTemplate template,
                        Clock clock, NodeLeaseStore leases, AgentMetrics metrics, PodWorkers workers,
                        PodSyncer syncer, PodInformer informer, RuntimeRelist relist,
                        WebServerApplicationContext web) {
        List<String> nodeNames = properties.hostedNodeNames(machine.hostName());
        NodeHeartbeat heartbeat = new NodeHeartbeat(leases, nodeNames,
                machine.hostName() + "-" + ProcessHandle.current().pid(), properties.heartbeatInterval(),
                properties.leaseDuration(), metrics);
        return new NodeAgent(nodeNames, new NodeRegistrar(store, template, clock), heartbeat, workers, syncer,
                informer, relist, web, metrics, properties.nodeStatusPeriod());
    }

    private static Set<String> hostedNodes(AgentProperties properties, MachineFacts machine) {
        return new LinkedHashSet<>(properties.hostedNodeNames(machine.hostName()));
    }
}
