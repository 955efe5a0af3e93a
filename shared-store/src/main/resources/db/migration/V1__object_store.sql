-- Objects in their Kubernetes JSON form, keyed like the API addresses them. metadata.resourceVersion is
-- not stored in data: it is resource_version, set on read. The selectable fields are columns so that
-- field selectors are indexed lookups; '' stands for "not set", as Kubernetes field selectors treat it.
-- data (and change_log.object) is json, the text as written, not jsonb: jsonb reorders keys (shorter
-- first, so spec and status would come back before metadata) and rejects the string escape \u0000,
-- which is valid JSON (an annotation may hold it). Nothing queries inside data. labels stays jsonb for
-- the selectors' containment tests; label values are validated and never hold \u0000.
CREATE TABLE objects (
    kind             text   NOT NULL,
    namespace        text   NOT NULL,  -- '' for cluster-scoped kinds
    name             text   NOT NULL,
    uid              text   NOT NULL,
    resource_version bigint NOT NULL,
    labels           jsonb  NOT NULL DEFAULT '{}',
    node_name        text   NOT NULL DEFAULT '',
    phase            text   NOT NULL DEFAULT '',
    data             json   NOT NULL,
    PRIMARY KEY (kind, namespace, name)
);
CREATE INDEX objects_by_node_name ON objects (kind, node_name);
CREATE INDEX objects_by_phase ON objects (kind, phase);
-- (namespace, kind, name), not (namespace) alone: on a table without statistics yet (a new database),
-- the generic plan of a by-key lookup costs every index the same and took this one, making each write
-- scan its whole namespace. With the full key both candidates are exact lookups. It also serves the
-- deletion of a namespace's contents, in (kind, name) order.
CREATE INDEX objects_by_namespace ON objects (namespace, kind, name);
-- No index on labels: a GIN index made every insert slower as the table grew (all pods share the empty
-- or the same label keys, so one index entry takes every row). Label selectors filter the rows of one
-- kind (and namespace) instead, as Kubernetes itself does.

CREATE SEQUENCE revisions;

-- One row per write. prev_* hold the selectable fields before a MODIFIED write, so that a filtered
-- watch can tell an object moving into its selection (ADDED) or out of it (DELETED).
CREATE TABLE change_log (
    revision       bigint      PRIMARY KEY,
    kind           text        NOT NULL,
    namespace      text        NOT NULL,
    name           text        NOT NULL,
    type           text        NOT NULL,
    object         json        NOT NULL,
    prev_labels    jsonb,
    prev_node_name text,
    prev_phase     text,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX change_log_by_created_at ON change_log (created_at);

-- The newest revision removed from the change log; written by compaction only.
CREATE TABLE compacted_revision (
    id       int    PRIMARY KEY CHECK (id = 1),
    revision bigint NOT NULL
);
INSERT INTO compacted_revision VALUES (1, 0);

-- The newest revision whose write, and every one before it, is visible in the caller's snapshot: the
-- newest change-log row, or the compacted revision when compaction removed every row up to it (it
-- removes rows and records the revision in one transaction). Exact because revisions become visible in
-- order (see kubelite_write). Derived, not kept in a row: a row every write updates is a hot row.
CREATE FUNCTION kubelite_current_revision()
RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT greatest((SELECT max(revision) FROM change_log), (SELECT revision FROM compacted_revision))
$$;

-- Every write goes through this function, in one round trip. The transaction-level advisory lock,
-- taken before the revision and held to commit, makes revisions become visible in revision order:
-- a reader that sees revision N also sees every revision before it, so a watch or a LIST never moves
-- past a revision that commits later. Everything that can happen outside the lock (JSON, defaulting,
-- validation, reading the old state) happens in the caller before this call.
--
-- p_type is ADDED (insert), MODIFIED (compare-and-swap update) or DELETED (compare-and-swap delete;
-- deleting a Namespace deletes everything in it first). Returns the new revision, -1 when the row is
-- not as expected (exists on ADDED; changed or gone otherwise), -2 when p_namespace_must_exist and the
-- namespace does not exist.
CREATE FUNCTION kubelite_write(
    p_type text, p_kind text, p_namespace text, p_name text, p_expected_version bigint,
    p_uid text, p_labels jsonb, p_node_name text, p_phase text, p_data json,
    p_prev_labels jsonb, p_prev_node_name text, p_prev_phase text, p_namespace_must_exist boolean)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    rev             bigint;
    current_version bigint;
    member          record;
BEGIN
    PERFORM pg_advisory_xact_lock(5734298121);
    IF p_namespace_must_exist AND NOT EXISTS (
            SELECT 1 FROM objects WHERE kind = 'Namespace' AND namespace = '' AND name = p_namespace) THEN
        RETURN -2;
    END IF;
    SELECT resource_version INTO current_version
      FROM objects WHERE kind = p_kind AND namespace = p_namespace AND name = p_name;
    IF (p_type = 'ADDED' AND current_version IS NOT NULL)
       OR (p_type <> 'ADDED' AND current_version IS DISTINCT FROM p_expected_version) THEN
        RETURN -1;
    END IF;

    IF p_type = 'DELETED' AND p_kind = 'Namespace' THEN
        FOR member IN SELECT kind, namespace, name, labels, node_name, phase, data
                        FROM objects WHERE namespace = p_name ORDER BY kind, name LOOP
            rev := nextval('revisions');
            DELETE FROM objects WHERE kind = member.kind AND namespace = member.namespace AND name = member.name;
            INSERT INTO change_log (revision, kind, namespace, name, type, object, prev_labels, prev_node_name, prev_phase)
                 VALUES (rev, member.kind, member.namespace, member.name, 'DELETED', member.data,
                         member.labels, member.node_name, member.phase);
        END LOOP;
    END IF;

    rev := nextval('revisions');
    IF p_type = 'ADDED' THEN
        INSERT INTO objects (kind, namespace, name, uid, resource_version, labels, node_name, phase, data)
             VALUES (p_kind, p_namespace, p_name, p_uid, rev, p_labels, p_node_name, p_phase, p_data);
    ELSIF p_type = 'MODIFIED' THEN
        UPDATE objects SET resource_version = rev, labels = p_labels, node_name = p_node_name,
                           phase = p_phase, data = p_data
         WHERE kind = p_kind AND namespace = p_namespace AND name = p_name;
    ELSE
        DELETE FROM objects WHERE kind = p_kind AND namespace = p_namespace AND name = p_name;
    END IF;
    INSERT INTO change_log (revision, kind, namespace, name, type, object, prev_labels, prev_node_name, prev_phase)
         VALUES (rev, p_kind, p_namespace, p_name, p_type, p_data, p_prev_labels, p_prev_node_name, p_prev_phase);
    PERFORM pg_notify('kubelite_changes', rev::text);
    RETURN rev;
END
$$;

-- A batch of writes in one round trip, each exactly as its own kubelite_write call and in the order
-- given, inside the caller's transaction: the advisory lock (re-entrant) is taken by the first and held
-- to the one commit, and each write sees the ones before it. p_writes is a JSON array of objects with
-- the parameters of kubelite_write except the object (type, kind, namespace, name, expectedVersion,
-- uid, labels, nodeName, phase, prevLabels, prevNodeName, prevPhase, namespaceMustExist); absent means
-- NULL. p_objects holds the written objects, one per write, in the same order: a separate json array
-- because PostgreSQL's JSON operators decode every string they pass over, and fail on \u0000, while a
-- json value taken whole keeps its text. Returns each write's result, in order.
CREATE FUNCTION kubelite_write_all(p_writes jsonb, p_objects json[])
RETURNS bigint[] LANGUAGE plpgsql AS $$
DECLARE
    results bigint[] := '{}';
    w       jsonb;
BEGIN
    FOR i IN 0 .. jsonb_array_length(p_writes) - 1 LOOP
        w := p_writes -> i;
        results := results || kubelite_write(
            w ->> 'type', w ->> 'kind', w ->> 'namespace', w ->> 'name', (w ->> 'expectedVersion')::bigint,
            w ->> 'uid', w -> 'labels', w ->> 'nodeName', w ->> 'phase', p_objects[i + 1],
            w -> 'prevLabels', w ->> 'prevNodeName', w ->> 'prevPhase', (w ->> 'namespaceMustExist')::boolean);
    END LOOP;
    RETURN results;
END
$$;
