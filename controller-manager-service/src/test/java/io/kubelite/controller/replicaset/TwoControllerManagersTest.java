package io.kubelite.controller.replicaset;

import static io.kubelite.controller.support.TestObjects.replicaSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubelite.controller.support.OwnedPods;
import io.kubelite.controller.support.RunningControllers;
import io.kubelite.model.ResourceKind;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.WriteOptions;
import io.kubelite.store.testing.TestStore;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

class TwoControllerManagersTest {

    @RegisterExtension
    static final TestStore first = TestStore.onNewDatabase();
    @RegisterExtension
    static final TestStore second = TestStore.onDatabase(first.url);

    @Test
    void twoInstancesOnOneDatabaseNeverOvershootAndTheStandbyTakesOverWhenTheLeaderStops() {
        ObjectStore store = first.store;
        RunningControllers a = new RunningControllers(first, "a");
        RunningControllers b = new RunningControllers(second, "b");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> a.isLeader() || b.isLeader());
            assertThat(a.isLeader() && b.isLeader()).as("one leader at a time").isFalse();

            ObjectNode rs = store.create(ResourceKind.REPLICASET, replicaSet("shared", 30, Map.of("app", "shared")),
                    WriteOptions.NONE);
            try (OwnedPods pods = new OwnedPods(store, rs)) {
                await().atMost(Duration.ofSeconds(15)).until(() -> pods.count() == 30);
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> pods.count() == 30);

                RunningControllers leader = a.isLeader() ? a : b;
                RunningControllers standby = leader == a ? b : a;
                leader.close();
                await().atMost(Duration.ofSeconds(10)).until(standby::isLeader);
                ObjectNode scaled = store.get(ResourceKind.REPLICASET, "default", "shared").deepCopy();
                ((ObjectNode) scaled.get("spec")).put("replicas", 40);
                store.update(ResourceKind.REPLICASET, scaled, WriteOptions.NONE);

                await().atMost(Duration.ofSeconds(15)).until(() -> pods.count() == 40);
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> pods.count() == 40);
                assertThat(pods.most()).isEqualTo(40);
            }
        } finally {
            a.close();
            b.close();
        }
    }
}
