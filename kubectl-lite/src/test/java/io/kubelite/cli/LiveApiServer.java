package io.kubelite.cli;

import io.kubelite.cli.api.ApiClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real API server for a test class, with the CLI and an API client pointed at it:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final LiveApiServer server = new LiveApiServer();
 * </pre>
 */
final class LiveApiServer implements BeforeAllCallback, AfterAllCallback {

    private ApiServer server;
    private Cli cli;
    private ApiClient api;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = ApiServer.start();
        cli = new Cli(server.url);
        api = new ApiClient(server.url, null);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        server.close();
    }

    String url() {
        return server.url;
    }

    Cli cli() {
        return cli;
    }

    ApiClient api() {
        return api;
    }
}
