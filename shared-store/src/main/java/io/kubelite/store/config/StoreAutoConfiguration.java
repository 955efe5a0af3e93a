package io.kubelite.store.config;

import com.zaxxer.hikari.HikariDataSource;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.cluster.ClusterIdentity;
import io.kubelite.store.compaction.ChangeLogCompactor;
import io.kubelite.store.lease.NodeLeaseStore;
import io.kubelite.store.postgres.PostgresObjectStore;
import io.kubelite.store.watch.WatchDispatcher;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;

/**
 * What every service gets by depending on shared-store: the database (external or embedded), its
 * connection pool (Flyway migrates it), the object store, node leases, the cluster's identity, the watch
 * dispatcher and the change-log compaction, each stopped cleanly on shutdown.
 */
@AutoConfiguration(before = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@EnableConfigurationProperties(KubeliteProperties.class)
public class StoreAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean({KubeliteDatabase.class, DataSource.class})
    KubeliteDatabase kubeliteDatabase(KubeliteProperties properties) {
        return KubeliteDatabase.open(properties);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(DataSource.class)
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(KubeliteDatabase database) {
        return database.newDataSource();
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @DependsOnDatabaseInitialization
    WatchDispatcher watchDispatcher(DataSource dataSource, KubeliteProperties properties) {
        return new WatchDispatcher(dataSource, properties.store().watchPollInterval(),
                properties.store().watchProgressInterval());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @DependsOnDatabaseInitialization
    ChangeLogCompactor changeLogCompactor(DataSource dataSource, KubeliteProperties properties) {
        return new ChangeLogCompactor(dataSource, properties.store().compactionInterval(), properties.store().retention());
    }

    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    @ConditionalOnMissingBean(ObjectStore.class)
    PostgresObjectStore objectStore(DataSource dataSource, WatchDispatcher dispatcher, ObjectProvider<Clock> clock) {
        PostgresObjectStore store = new PostgresObjectStore(dataSource, dispatcher, clock.getIfAvailable(Clock::systemUTC));
        DefaultNamespaces.ensure(store);
        return store;
    }

    @Bean
    @DependsOnDatabaseInitialization
    NodeLeaseStore nodeLeaseStore(DataSource dataSource) {
        return new NodeLeaseStore(dataSource);
    }

    @Bean
    @DependsOnDatabaseInitialization
    ClusterIdentity clusterIdentity(DataSource dataSource) {
        return new ClusterIdentity(dataSource);
    }
}
