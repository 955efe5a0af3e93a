package io.kubelite.controller.support;

import static org.awaitility.Awaitility.await;

import io.kubelite.store.ObjectStore;
import io.kubelite.store.testing.TestStore;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's store on a new database with {@link RunningControllers} leading on it for the whole class:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final LeadingControllers controllers = new LeadingControllers();
 * </pre>
 */
public final class LeadingControllers implements BeforeAllCallback, AfterAllCallback {

    private final TestStore fixture = TestStore.onNewDatabase();
    private RunningControllers controllers;

    public ObjectStore store() {
        return fixture.store;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        controllers = new RunningControllers(fixture, "test");
        await().atMost(Duration.ofSeconds(10)).until(controllers::isLeader);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            controllers.close();
        } finally {
            fixture.close();
        }
    }
}
