package io.kubelite.store;

import static io.kubelite.store.TestObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.store.testing.TestStore;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class StoreShutdownTest {

    private static void assertServiceUnavailable(ThrowingCallable write) {
        assertThatThrownBy(write).isInstanceOfSatisfying(StatusException.class, e -> {
            assertThat(e.code()).isEqualTo(503);
            assertThat(e.reason()).isEqualTo("ServiceUnavailable");
            assertThat(e.getMessage()).isEqualTo("The object store is shut down; the write was not made");
        });
    }

    @Test
    void writesToAClosedStoreAreRefusedAsServiceUnavailableAndReadsStillWork() {
        try (TestStore fixture = TestStore.onNewDatabase()) {
            ObjectStore store = fixture.store;
            ObjectNode existing = store.create(ResourceKind.POD, pod(null, "existing"), WriteOptions.NONE);

            fixture.store.close();

            assertServiceUnavailable(() -> store.create(ResourceKind.POD, pod(null, "late"), WriteOptions.NONE));
            ObjectNode changed = existing.deepCopy();
            changed.withObjectProperty("metadata").putObject("labels").put("app", "web");
            assertServiceUnavailable(() -> store.update(ResourceKind.POD, changed, WriteOptions.NONE));
            assertServiceUnavailable(() -> store.delete(ResourceKind.POD, "default", "existing", DeleteOptions.NONE));
            assertThat(store.get(ResourceKind.POD, "default", "existing")).isEqualTo(existing);
            assertThat(store.list(ResourceKind.POD, ListOptions.inNamespace("default")).items()).hasSize(1);
        }
    }
}
