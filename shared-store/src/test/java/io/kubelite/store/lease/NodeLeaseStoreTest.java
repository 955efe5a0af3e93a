package io.kubelite.store.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.store.testing.TestStore;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NodeLeaseStoreTest {

    @RegisterExtension
    static final TestStore fixture = TestStore.onNewDatabase();

    private final NodeLeaseStore leases = fixture.leases;

    @Test
    void renewingTakesTheLeaseAndResetsItsAge() throws InterruptedException {
        leases.renew(List.of("lease-a"), "agent-1", Duration.ofSeconds(40));
        Thread.sleep(300);
        NodeLease before = lease("lease-a");
        assertThat(before.holderIdentity()).isEqualTo("agent-1");
        assertThat(before.leaseDuration()).isEqualTo(Duration.ofSeconds(40));
        assertThat(before.age()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(before.expired()).isFalse();

        leases.renew(List.of("lease-a"), "agent-2", Duration.ofSeconds(1));
        NodeLease after = lease("lease-a");
        assertThat(after.holderIdentity()).isEqualTo("agent-2");
        assertThat(after.renewTime()).isAfter(before.renewTime());
        assertThat(after.age()).isLessThan(before.age());
    }

    @Test
    void aLeaseNotRenewedWithinItsDurationIsExpired() throws InterruptedException {
        leases.renew(List.of("lease-b"), "agent-1", Duration.ofSeconds(1));
        Thread.sleep(1_100);
        assertThat(lease("lease-b").expired()).isTrue();
    }

    @Test
    void oneCallRenewsAThousandNodes() {
        List<String> names = IntStream.rangeClosed(1, 1_000).mapToObj(i -> "sim-node-" + i).toList();
        leases.renew(names, "simulated", Duration.ofSeconds(40));
        leases.renew(names, "simulated", Duration.ofSeconds(40));
        assertThat(leases.list()).filteredOn(l -> l.nodeName().startsWith("sim-node-")).hasSize(1_000)
                .allMatch(l -> l.holderIdentity().equals("simulated"));
    }

    @Test
    void removedLeasesAreGone() {
        leases.renew(List.of("lease-c", "lease-d"), "agent-1", Duration.ofSeconds(40));
        leases.remove(List.of("lease-c"));
        assertThat(leases.list()).extracting(NodeLease::nodeName).contains("lease-d").doesNotContain("lease-c");
    }

    private NodeLease lease(String name) {
        return leases.list().stream().filter(l -> l.nodeName().equals(name)).findFirst().orElseThrow();
    }
}
