package io.kubelite.store.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.store.testing.TestStore;
import org.junit.jupiter.api.Test;

class ClusterIdentityTest {

    @Test
    void eachDatabaseHasItsOwnUidThatEveryServiceOnItReads() {
        try (TestStore first = TestStore.onNewDatabase(); TestStore other = TestStore.onNewDatabase();
             TestStore sameAsFirst = TestStore.onDatabase(first.url)) {
            String uid = new ClusterIdentity(first.dataSource).uid();
            assertThat(uid).matches("[0-9a-f-]{36}");
            assertThat(new ClusterIdentity(sameAsFirst.dataSource).uid()).isEqualTo(uid);
            assertThat(new ClusterIdentity(other.dataSource).uid()).isNotEqualTo(uid);
        }
    }
}
