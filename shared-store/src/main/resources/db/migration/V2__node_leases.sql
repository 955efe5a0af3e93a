-- Node heartbeats, like Kubernetes' Leases in kube-node-lease. A row, not an object in the change log: every
-- node renews every few seconds, and a thousand nodes writing objects would flood the change log and every
-- watch. renew_time is the database's clock, so agents and controllers on different machines agree on ages.
CREATE TABLE node_leases (
    node_name              text        PRIMARY KEY,
    holder_identity        text        NOT NULL,
    renew_time             timestamptz NOT NULL,
    lease_duration_seconds int         NOT NULL
);
