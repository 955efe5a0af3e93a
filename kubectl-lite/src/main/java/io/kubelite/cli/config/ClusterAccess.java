package io.kubelite.cli.config;

/** Where the API server is, how to authenticate to it (token may be null) and the default namespace. */
public record ClusterAccess(String server, String token, String namespace) {
}
