package io.kubelite.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.agent.runtime.PodRef;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerIdentityTest {

    private final ContainerIdentity identity =
            new ContainerIdentity("0f3c5a9e-1111-2222-3333-444455556666", new PodRef("node-1", "prod", "web-7", "uid-1"),
                    "nginx", 4);

    @Test
    void readsBackFromItsLabels() {
        assertThat(ContainerIdentity.fromLabels(identity.labels())).contains(identity);
    }

    @Test
    void namesTheDockerContainerAfterNodePodContainerAttemptAndCluster() {
        assertThat(identity.dockerName()).isEqualTo("kubelite_node-1_prod_web-7_nginx_4_0f3c5a9e");
    }

    @Test
    void labelsOfOtherContainersCarryNoIdentity() {
        Map<String, String> badAttempt = new HashMap<>(identity.labels());
        badAttempt.put(ContainerIdentity.ATTEMPT, "first");
        Map<String, String> noUid = new HashMap<>(identity.labels());
        noUid.remove(ContainerIdentity.POD_UID);
        Map<String, String> noCluster = new HashMap<>(identity.labels());
        noCluster.remove(ContainerIdentity.CLUSTER);

        assertThat(ContainerIdentity.fromLabels(badAttempt)).isEmpty();
        assertThat(ContainerIdentity.fromLabels(noUid)).isEmpty();
        assertThat(ContainerIdentity.fromLabels(noCluster)).isEmpty();
        assertThat(ContainerIdentity.fromLabels(Map.of("maintainer", "someone"))).isEmpty();
        assertThat(ContainerIdentity.fromLabels(null)).isEmpty();
    }
}
