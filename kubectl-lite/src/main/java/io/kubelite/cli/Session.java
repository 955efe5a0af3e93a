package io.kubelite.cli;

import io.kubelite.cli.api.ApiClient;

/** What every command works with: the API client and the namespace the request is for. */
public record Session(ApiClient client, String namespace) {
}
