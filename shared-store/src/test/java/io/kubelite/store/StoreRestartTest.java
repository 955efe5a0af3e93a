package io.kubelite.store;

import static io.kubelite.store.TestObjects.meta;
import static io.kubelite.store.TestObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.ResourceKind;
import io.kubelite.store.testing.TestStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class StoreRestartTest {

    @Test
    void aNewStoreOnTheSameDatabaseSeesEverythingAndResumesWatches() throws Exception {
        String url;
        long before;
        ObjectNode written;
        try (TestStore first = TestStore.onNewDatabase()) {
            url = first.url;
            before = first.store.currentRevision();
            written = first.store.create(ResourceKind.POD, pod(null, "durable"), WriteOptions.NONE);
        }

        try (TestStore second = TestStore.onDatabase(url)) {
            assertThat(second.store.get(ResourceKind.POD, "default", "durable")).isEqualTo(written);
            assertThat(second.store.currentRevision()).isEqualTo(TestObjects.revision(written));
            List<WatchEvent> events = new CopyOnWriteArrayList<>();
            try (Watch ignored = second.store.watch(ResourceKind.POD, new WatchOptions(null, null, null, before),
                    events::add)) {
                Eventually.until(() -> !events.isEmpty());
                assertThat(meta(events.get(0).object(), "name")).isEqualTo("durable");
            }
        }
    }
}
