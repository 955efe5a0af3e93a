package io.kubelite.scheduler;

import io.kubelite.scheduler.algorithm.GreedyAlgorithm;
import io.kubelite.scheduler.algorithm.PlacementAlgorithm;
import io.kubelite.scheduler.binding.Binder;
import io.kubelite.scheduler.binding.FailureReporter;
import io.kubelite.scheduler.cache.ClusterCache;
import io.kubelite.scheduler.cache.ClusterInformer;
import io.kubelite.scheduler.algorithm.MinCostFlowAlgorithm;
import io.kubelite.scheduler.framework.SchedulingProfile;
import io.kubelite.store.leader.LeaderElector;
import io.kubelite.scheduler.loop.SchedulerMetrics;
import io.kubelite.scheduler.loop.SchedulingLoop;
import io.kubelite.scheduler.plugins.InTreePlugins;
import io.kubelite.store.ObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the scheduler: cache and informer, algorithm, binding, leader election and the loop. */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SchedulingProfile schedulingProfile(SchedulerProperties properties) {
        return InTreePlugins.profile(properties.scoreWeights());
    }

    @Bean
    PlacementAlgorithm placementAlgorithm(SchedulerProperties properties, SchedulingProfile profile) {
        return switch (properties.algorithm()) {
            case GreedyAlgorithm.NAME -> new GreedyAlgorithm(profile, new Random());
            case MinCostFlowAlgorithm.NAME -> new MinCostFlowAlgorithm(profile, properties.mincostflowSearchTime());
            default -> throw new IllegalStateException("Unknown kubelite.scheduler.algorithm '"
                    + properties.algorithm() + "': use greedy or mincostflow");
        };
    }

    @Bean
    ClusterCache clusterCache(SchedulerProperties properties) {
        return new ClusterCache(properties.schedulerName(), properties.unschedulableRetryInterval(), System::nanoTime);
    }

    @Bean(destroyMethod = "close")
    ClusterInformer clusterInformer(ObjectStore store, ClusterCache cache) {
        return new ClusterInformer(store, cache);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService storeWriters(SchedulerProperties properties) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "scheduler-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newFixedThreadPool(properties.bindParallelism(), factory);
    }

    @Bean
    Binder binder(ObjectStore store, ExecutorService storeWriters) {
        return new Binder(store, storeWriters);
    }

    @Bean
    FailureReporter failureReporter(ObjectStore store, ExecutorService storeWriters, Clock clock,
                                    SchedulerProperties properties) {
        return new FailureReporter(store, storeWriters, clock, properties.schedulerName(), instanceName());
    }

    @Bean(destroyMethod = "close")
    LeaderElector leaderElector(DataSource dataSource, SchedulerProperties properties, ClusterCache cache) {
        LeaderElector elector = new LeaderElector(dataSource, "scheduler", properties.leaderRetryInterval(),
                cache::wakeUp);
        elector.start();
        return elector;
    }

    @Bean
    SchedulerMetrics schedulerMetrics(MeterRegistry registry, SchedulerProperties properties, ClusterCache cache,
                                      LeaderElector elector) {
        return new SchedulerMetrics(registry, properties.algorithm(), cache, elector);
    }

    @Bean(destroyMethod = "close")
    SchedulingLoop schedulingLoop(ClusterCache cache, ClusterInformer informer, PlacementAlgorithm algorithm,
                                  Binder binder, FailureReporter reporter, LeaderElector elector,
                                  SchedulerMetrics metrics, SchedulerProperties properties) {
        SchedulingLoop loop = new SchedulingLoop(cache, informer, algorithm, binder, reporter, elector, metrics,
                properties.pollInterval(), properties.batchSize());
        loop.start();
        return loop;
    }

    /** Names this process in the events it writes: host and a random suffix, as two replicas may share a host. */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
