package io.kubelite.store.lease;

import java.sql.Array;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Node heartbeats. An agent renews all the nodes it hosts in one statement, however many there are; the node
 * lifecycle controller reads them all at once. Times come from the database's clock.
 */
public class NodeLeaseStore {

    private final JdbcTemplate jdbc;

    public NodeLeaseStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Renews (or takes) the leases of these nodes now. */
    public void renew(Collection<String> nodeNames, String holderIdentity, Duration leaseDuration) {
        if (nodeNames.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO node_leases (node_name, holder_identity, renew_time, lease_duration_seconds)
                    SELECT name, ?, clock_timestamp(), ? FROM unnest(?::text[]) AS name
                    ON CONFLICT (node_name) DO UPDATE SET holder_identity = excluded.holder_identity,
                        renew_time = excluded.renew_time, lease_duration_seconds = excluded.lease_duration_seconds
                    """);
            Array names = connection.createArrayOf("text", nodeNames.toArray());
            statement.setString(1, holderIdentity);
            statement.setInt(2, (int) Math.max(1, leaseDuration.toSeconds()));
            statement.setArray(3, names);
            return statement;
        });
    }

    /** Every lease, with its age by the database's clock. */
    public List<NodeLease> list() {
        return jdbc.query("""
                SELECT node_name, holder_identity, renew_time, lease_duration_seconds,
                       extract(epoch FROM clock_timestamp() - renew_time) AS age_seconds
                FROM node_leases ORDER BY node_name
                """, (rs, row) -> new NodeLease(rs.getString(1), rs.getString(2),
                rs.getTimestamp(3).toInstant(), Duration.ofSeconds(rs.getInt(4)),
                Duration.ofNanos(Math.max(0, (long) (rs.getDouble(5) * 1e9)))));
    }

    /** Forgets the leases of these nodes, as when their Node objects are deleted. */
    public void remove(Collection<String> nodeNames) {
        if (nodeNames.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("DELETE FROM node_leases WHERE node_name = ANY (?::text[])");
            statement.setArray(1, connection.createArrayOf("text", nodeNames.toArray()));
            return statement;
        });
    }
}
