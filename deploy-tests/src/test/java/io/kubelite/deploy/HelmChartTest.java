package io.kubelite.deploy;

import static io.kubelite.deploy.Manifests.at;
import static io.kubelite.deploy.Manifests.env;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders deploy/helm/kube-lite with Helm's own engine (no cluster) and checks the manifests. */
class HelmChartTest {

    private static final String DATABASE_URL = "jdbc:postgresql://db.example:5432/kubelite";
    private static final List<String> CONTROL_PLANE = List.of("api-server", "scheduler", "controller-manager");

    @Test
    void defaultValuesRenderADeploymentAndServicePerControlPlaneComponentAndADaemonSetOfAgents() {
        Manifests manifests = render(template());

        assertThat(manifests.kindsAndNames()).containsExactlyInAnyOrder(
                "Secret/kl-kube-lite-database", "ConfigMap/kl-kube-lite-settings",
                "Deployment/kl-kube-lite-api-server", "Service/kl-kube-lite-api-server",
                "Deployment/kl-kube-lite-scheduler", "Service/kl-kube-lite-scheduler",
                "Deployment/kl-kube-lite-controller-manager", "Service/kl-kube-lite-controller-manager",
                "DaemonSet/kl-kube-lite-node-agent");
        for (String component : CONTROL_PLANE) {
            Map<String, Object> deployment = manifests.get("Deployment", "kl-kube-lite-" + component);
            assertThat((Object) at(deployment, "spec.replicas")).isEqualTo(2);
            assertThat((Object) at(deployment, "spec.selector.matchLabels"))
                    .isEqualTo(at(deployment, "spec.template.metadata.labels"));
            assertThat((Object) at(deployment, "spec.template.spec.securityContext.runAsNonRoot")).isEqualTo(true);
            assertThat((Object) at(manifests.get("Service", "kl-kube-lite-" + component), "spec.selector"))
                    .isEqualTo(at(deployment, "spec.selector.matchLabels"));
        }
    }

    @Test
    void everyComponentRunsItsImageOnItsPortWithTheDatabaseFromTheSecret() {
        Manifests manifests = render(template());

        Map<String, Object> secret = manifests.get("Secret", "kl-kube-lite-database");
        assertThat((Object) at(secret, "stringData.url")).isEqualTo(DATABASE_URL);
        assertThat((Object) at(secret, "stringData.user")).isEqualTo("kubelite");
        Map<String, Integer> ports = Map.of("api-server", 8080, "scheduler", 8081, "controller-manager", 8082,
                "node-agent", 10250);
        ports.forEach((component, port) -> {
            Map<String, Object> container = container(manifests, component);
            assertThat(container.get("image")).isEqualTo("kubelite/" + component + ":" + Repository.VERSION);
            assertThat((Object) at(container, "ports")).isEqualTo(List.of(Map.of("name", "http", "containerPort", port)));
            assertThat(env(container, "SERVER_PORT").get("value")).isEqualTo(String.valueOf(port));
            for (String key : List.of("url", "user", "password")) {
                Map<String, Object> variable = env(container, "KUBELITE_DB_" + key.toUpperCase());
                assertThat((Object) at(variable, "valueFrom.secretKeyRef"))
                        .isEqualTo(Map.of("name", "kl-kube-lite-database", "key", key));
            }
        });
        assertThat((Object) at(manifests.get("Service", "kl-kube-lite-api-server"), "spec.ports"))
                .isEqualTo(List.of(Map.of("name", "http", "port", 8080, "targetPort", "http")));
    }

    @Test
    void probesAskTheActuatorForReadinessAndLiveness() {
        Manifests manifests = render(template());

        for (String component : List.of("api-server", "scheduler", "controller-manager", "node-agent")) {
            Map<String, Object> container = container(manifests, component);
            assertThat((Object) at(container, "readinessProbe.httpGet"))
                    .isEqualTo(Map.of("path", "/actuator/health/readiness", "port", "http"));
            assertThat((Object) at(container, "livenessProbe.httpGet"))
                    .isEqualTo(Map.of("path", "/actuator/health/liveness", "port", "http"));
            assertThat((Object) at(container, "startupProbe.httpGet"))
                    .isEqualTo(Map.of("path", "/actuator/health/liveness", "port", "http"));
        }
    }

    @Test
    void dockerAgentsMountTheNodesDockerSocketAndNameTheirNodeAfterIt() {
        Manifests manifests = render(template());

        Map<String, Object> daemonSet = manifests.get("DaemonSet", "kl-kube-lite-node-agent");
        Map<String, Object> agent = container(manifests, "node-agent");
        assertThat(env(agent, "KUBELITE_AGENT_RUNTIME").get("value")).isEqualTo("docker");
        assertThat((Object) at(env(agent, "KUBELITE_AGENT_NODENAME"), "valueFrom.fieldRef.fieldPath"))
                .isEqualTo("spec.nodeName");
        assertThat((Object) at(env(agent, "KUBELITE_AGENT_ADDRESS"), "valueFrom.fieldRef.fieldPath"))
                .isEqualTo("status.podIP");
        assertThat(env(agent, "DOCKER_HOST").get("value")).isEqualTo("unix:///var/run/docker.sock");
        assertThat((List<Object>) at(daemonSet, "spec.template.spec.volumes")).contains(Map.of("name", "docker-socket",
                "hostPath", Map.of("path", "/var/run/docker.sock", "type", "Socket")));
    }

    @Test
    void overriddenValuesChangeReplicasPortsImagesSettingsAndTheRuntime(@TempDir Path directory) throws IOException {
        Path values = Files.writeString(directory.resolve("values.yaml"), """
                image:
                  repository: registry.example/kube-lite
                  tag: "1.2.3"
                scheduler:
                  replicas: 3
                  port: 9081
                  settings:
                    kubelite:
                      scheduler:
                        algorithm: mincostflow
                nodeAgent:
                  runtime: simulated
                  capacity:
                    cpu: "8"
                """);
        Manifests manifests = render(template().withValuesFile(values).set("apiServer.replicas", 1));

        assertThat((Object) at(manifests.get("Deployment", "kl-kube-lite-api-server"), "spec.replicas")).isEqualTo(1);
        assertThat((Object) at(manifests.get("Deployment", "kl-kube-lite-scheduler"), "spec.replicas")).isEqualTo(3);
        Map<String, Object> scheduler = container(manifests, "scheduler");
        assertThat(scheduler.get("image")).isEqualTo("registry.example/kube-lite/scheduler:1.2.3");
        assertThat((Object) at(scheduler, "ports")).isEqualTo(List.of(Map.of("name", "http", "containerPort", 9081)));
        assertThat((Object) at(manifests.get("Service", "kl-kube-lite-scheduler"), "spec.ports"))
                .isEqualTo(List.of(Map.of("name", "http", "port", 9081, "targetPort", "http")));
        Map<String, String> settings = at(manifests.get("ConfigMap", "kl-kube-lite-settings"), "data");
        assertThat((Object) at(Manifests.yaml(settings.get("scheduler.yml")), "kubelite.scheduler.algorithm"))
                .isEqualTo("mincostflow");
        Map<String, Object> agent = container(manifests, "node-agent");
        assertThat(env(agent, "KUBELITE_AGENT_RUNTIME").get("value")).isEqualTo("simulated");
        assertThat(env(agent, "KUBELITE_AGENT_CAPACITY_CPU").get("value")).isEqualTo("8");
        assertThat((List<Map<String, Object>>) at(manifests.get("DaemonSet", "kl-kube-lite-node-agent"),
                "spec.template.spec.volumes")).extracting(v -> v.get("name")).containsExactly("settings");
        assertThat((Object) at(agent, "env")).asString().doesNotContain("DOCKER_HOST");
    }

    @Test
    void componentsReadTheirSettingsAsApplicationYmlAndRollWhenTheSettingsChange() {
        Manifests defaults = render(template());
        Manifests changed = render(template().set("controllerManager.settings.kubelite.controller-manager.workers", 8));

        for (String component : CONTROL_PLANE) {
            assertThat((Object) at(container(defaults, component), "volumeMounts")).isEqualTo(List.of(Map.of(
                    "name", "settings", "mountPath", "/app/config/application.yml",
                    "subPath", component + ".yml", "readOnly", true)));
            String checksum = "spec.template.metadata.annotations";
            Map<String, String> before = at(defaults.get("Deployment", "kl-kube-lite-" + component), checksum);
            Map<String, String> after = at(changed.get("Deployment", "kl-kube-lite-" + component), checksum);
            assertThat(after.get("checksum/settings")).isNotEqualTo(before.get("checksum/settings"));
            assertThat(after.get("checksum/database")).isEqualTo(before.get("checksum/database"));
        }
    }

    @Test
    void renderingWithoutADatabaseUrlFailsAndSaysWhatIsMissing() {
        TemplateCommand withoutDatabase = new Helm(Repository.CHART).template().withName("kl");

        assertThatThrownBy(withoutDatabase::call).hasMessageContaining("database.url is required");
    }

    private static TemplateCommand template() {
        return new Helm(Repository.CHART).template().withName("kl").withNamespace("kube-lite")
                .set("database.url", DATABASE_URL).set("database.user", "kubelite").set("database.password", "s3cret");
    }

    private static Manifests render(TemplateCommand template) {
        return Manifests.parse(template.call());
    }

    private static Map<String, Object> container(Manifests manifests, String component) {
        String kind = component.equals("node-agent") ? "DaemonSet" : "Deployment";
        return manifests.container(kind, "kl-kube-lite-" + component);
    }
}
