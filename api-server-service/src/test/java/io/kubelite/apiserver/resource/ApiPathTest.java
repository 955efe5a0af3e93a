package io.kubelite.apiserver.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiPathTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "/api/v1/namespaces,                                    NAMESPACE,  -,       -,     -",
            "/api/v1/namespaces/team-a,                             NAMESPACE,  -,       team-a, -",
            "/api/v1/namespaces/team-a/status,                      NAMESPACE,  -,       team-a, status",
            "/api/v1/namespaces/team-a/pods,                        POD,        team-a,  -,     -",
            "/api/v1/namespaces/team-a/pods/web/status,             POD,        team-a,  web,   status",
            "/api/v1/namespaces/team-a/pods/web/binding,            POD,        team-a,  web,   binding",
            "/api/v1/namespaces/team-a/pods/web/log,                POD,        team-a,  web,   log",
            "/api/v1/pods,                                          POD,        -,       -,     -",
            "/api/v1/nodes/node-1/status,                           NODE,       -,       node-1, status",
            "/api/v1/namespaces/default/events/e.1,                 EVENT,      default, e.1,   -",
            "/apis/apps/v1/deployments,                             DEPLOYMENT, -,       -,     -",
            "/apis/apps/v1/namespaces/default/deployments/web/scale, DEPLOYMENT, default, web,  scale",
            "/apis/apps/v1/namespaces/default/replicasets/web-1/scale/, REPLICASET, default, web-1, scale",
            "/api/v1/namespaces/default/pods/my%2Dpod,              POD,        default, my-pod, -"})
    void pathsResolveAsKubernetesResolvesThem(String path, ResourceKind kind, String namespace, String name,
                                              String subresource) {
        assertThat(ApiPath.parse(path)).isEqualTo(new ApiPath(kind, namespace, name, subresource));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api", "/api/v1", "/api/v2/pods", "/apis/apps/v1", "/apis/batch/v1/jobs",
            "/api/v1/pods/web", "/api/v1/namespaces/a/nodes", "/api/v1/namespaces/a/pods/b/exec",
            "/api/v1/nodes/n/log", "/apis/apps/v1/namespaces/a/deployments/d/log",
            "/api/v1/namespaces/a/events/b/status", "/api/v1/namespaces/a/pods/b/scale", "/api/v1/namespaces/a/finalize/x",
            "/api/v1/nodes/n/binding", "/apis/apps/v1/namespaces/a/deployments/d/binding",
            "/api/v1/namespaces/a/pods/b/status/c"})
    void pathsWeDoNotServeAreNotFound(String path) {
        assertThatThrownBy(() -> ApiPath.parse(path))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(404));
    }
}
