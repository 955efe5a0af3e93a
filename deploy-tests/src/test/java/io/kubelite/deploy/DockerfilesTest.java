package io.kubelite.deploy;

import static io.kubelite.deploy.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each service's Dockerfile against what the build and the chart expect: the jar Maven builds, the port the
 * service listens on, a non-root user and a health check. (No registry is reachable from the build, so the
 * images themselves are not built here.)
 */
class DockerfilesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "api-server-service, api-server, apiServer",
            "scheduler-service, scheduler, scheduler",
            "controller-manager-service, controller-manager, controllerManager",
            "node-agent-service, node-agent, nodeAgent"})
    void dockerfileCopiesTheBuiltJarAndExposesTheServicePortAsANonRootUser(String module, String image, String chartKey) {
        String dockerfile = Repository.read(module + "/Dockerfile");
        int port = at(Manifests.yaml(Repository.read(module + "/src/main/resources/application.yml")), "server.port");

        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre$")
                .containsPattern("(?m)^COPY target/" + module + "-" + Repository.VERSION + ".jar /app/app.jar$")
                .containsPattern("(?m)^WORKDIR /app$")
                .containsPattern("(?m)^USER 10001:10001$")
                .containsPattern("(?m)^ENV SERVER_PORT=" + port + "$")
                .containsPattern("(?m)^EXPOSE " + port + "$")
                .containsPattern("(?m)^HEALTHCHECK .*\\n.*/actuator/health/liveness")
                .containsPattern("(?m)^ENTRYPOINT \\[\"java\", \"-jar\", \"/app/app.jar\"]$")
                .contains("docker build -t kubelite/" + image + ":" + Repository.VERSION + " " + module);
        Map<String, Object> chartValues = Manifests.yaml(Repository.read("deploy/helm/kube-lite/values.yaml"));
        assertThat((Object) at(chartValues, chartKey + ".port")).isEqualTo(port);
        assertThat((Object) at(chartValues, "podSecurityContext.runAsUser")).isEqualTo(10001);
    }
}
