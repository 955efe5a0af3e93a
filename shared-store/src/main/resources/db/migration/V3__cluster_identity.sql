-- The cluster's identity, made once with the database. Resources outside the database that several clusters
-- may share, such as the containers of one Docker engine, carry it, so that each cluster's agents touch only
-- their own.
CREATE TABLE cluster_identity (
    id  int  PRIMARY KEY CHECK (id = 1),
    uid text NOT NULL
);
INSERT INTO cluster_identity VALUES (1, gen_random_uuid()::text);
