package io.kubelite.store.cluster;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cluster's uid, made once when its database was created. Two clusters on one machine share its Docker engine;
 * the uid on their containers keeps each cluster's node agents to their own.
 */
public final class ClusterIdentity {

    private final String uid;

    public ClusterIdentity(DataSource dataSource) {
        this.uid = new JdbcTemplate(dataSource).queryForObject("SELECT uid FROM cluster_identity WHERE id = 1",
                String.class);
    }

    public String uid() {
        return uid;
    }
}
