package io.kubelite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.cli.Cli.Result;
import io.kubelite.cli.api.ApiClient;
import io.kubelite.cli.print.ObjectOutput;
import io.kubelite.model.ResourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** kubectl-lite against a real API server (and its embedded PostgreSQL), each test in a namespace of its own. */
class KubectlLiteTest {

    @RegisterExtension
    static final LiveApiServer server = new LiveApiServer();

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String namespaceYaml(String name) {
        return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n";
    }

    private static String podYaml(String namespace, String name, String labels) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  namespace: %s
                  labels: {%s}
                spec:
                  containers:
                  - name: app
                    image: kubelite/busybox:1
                    command: ["sh", "-c", "sleep 3600"]
                """.formatted(name, namespace, labels);
    }

    private static String deploymentYaml(String namespace, int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: %s
                spec:
                  replicas: %d
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: web
                        image: kubelite/busybox:1
                        resources:
                          requests: {cpu: 100m, memory: 64Mi}
                """.formatted(namespace, replicas);
    }

    @Test
    void applyOfSeveralDocumentsCreatesThenIsUnchangedThenConfiguresWhatChanged() throws IOException {
        Path manifest = file("app.yaml", namespaceYaml("apply") + "---\n" + deploymentYaml("apply", 2) + "---\n"
                + podYaml("apply", "solo", "app: solo"));

        Result created = server.cli().run("apply", "-f", manifest.toString());
        assertThat(created.exitCode()).isZero();
        assertThat(created.out()).isEqualTo("namespace/apply created\ndeployment.apps/web created\npod/solo created\n");

        Result again = server.cli().run("apply", "-f", dir.toString());
        assertThat(again.out()).isEqualTo(
                "namespace/apply unchanged\ndeployment.apps/web unchanged\npod/solo unchanged\n");

        Files.writeString(manifest, namespaceYaml("apply") + "---\n" + deploymentYaml("apply", 3));
        Result changed = server.cli().run("apply", "-f", manifest.toString());
        assertThat(changed.out()).isEqualTo("namespace/apply unchanged\ndeployment.apps/web configured\n");
        assertThat(server.api().get(ResourceKind.DEPLOYMENT, "apply", "web").path("spec").path("replicas").asInt())
                .isEqualTo(3);
    }

    @Test
    void applyPutsBackADeclaredFieldChangedByAnotherClientAndRemovesOneNoLongerDeclared() throws IOException {
        server.cli().run("apply", "-f", file("ns.yaml", namespaceYaml("drift")).toString());
        Path pod = file("pod.yaml", podYaml("drift", "p", "app: p, tier: web"));
        server.cli().run("apply", "-f", pod.toString());
        server.api().patch(ResourceKind.POD, "drift", "p",
                ApiClient.JSON.readTree("{\"metadata\":{\"labels\":{\"app\":\"changed\"}}}"));

        Files.writeString(pod, podYaml("drift", "p", "app: p"));
        Result result = server.cli().run("apply", "-f", pod.toString());

        assertThat(result.out()).isEqualTo("pod/p configured\n");
        JsonNode labels = server.api().get(ResourceKind.POD, "drift", "p").path("metadata").path("labels");
        assertThat(labels.path("app").asString()).isEqualTo("p");
        assertThat(labels.has("tier")).isFalse();
    }

    @Test
    void getPrintsAlignedTablesAndSelectsByLabel() throws IOException {
        server.cli().run("apply", "-f", file("ns.yaml", namespaceYaml("tables")).toString());
        server.cli().run("apply", "-f", file("pods.yaml", podYaml("tables", "a-long-pod-name", "app: a") + "---\n"
                + podYaml("tables", "b", "app: b")).toString());

        Result all = server.cli().run("get", "pods", "-n", "tables");
        assertThat(all.exitCode()).isZero();
        String[] lines = all.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).matches("NAME {14}READY   STATUS    RESTARTS   AGE");
        assertThat(lines[1]).matches("a-long-pod-name   0/1     Pending   0          \\d+s");
        assertThat(lines[2]).matches("b {17}0/1     Pending   0          \\d+s");
        assertThat(lines[1].indexOf("0/1")).isEqualTo(lines[0].indexOf("READY"));

        Result selected = server.cli().run("get", "po", "-n", "tables", "-l", "app=b", "-o", "name");
        assertThat(selected.out()).isEqualTo("pod/b\n");

        Result everywhere = server.cli().run("get", "pods", "-A", "--field-selector", "metadata.name=b");
        assertThat(everywhere.out()).startsWith("NAMESPACE   NAME   READY");
        assertThat(everywhere.out()).contains("tables      b      0/1");

        Result none = server.cli().run("get", "deploy", "-n", "tables");
        assertThat(none.exitCode()).isZero();
        assertThat(none.err()).isEqualTo("No resources found in tables namespace.\n");
    }

    @Test
    void jsonAndYamlOutputReadBackToTheSameObject() throws IOException {
        server.cli().run("apply", "-f", file("ns.yaml", namespaceYaml("output")).toString());
        server.cli().run("apply", "-f", file("pod.yaml", podYaml("output", "p", "app: p")).toString());
        JsonNode stored = server.api().get(ResourceKind.POD, "output", "p");

        Result json = server.cli().run("get", "pod", "p", "-n", "output", "-o", "json");
        assertThat(ApiClient.JSON.readTree(json.out())).isEqualTo(stored);
        assertThat(json.out()).startsWith("{\n    \"apiVersion\": \"v1\",\n");

        Result yaml = server.cli().run("get", "pod/p", "-n", "output", "-o", "yaml");
        assertThat(ObjectOutput.YAML.readTree(yaml.out())).isEqualTo(stored);

        Result list = server.cli().run("get", "pods", "-n", "output", "-o", "json");
        JsonNode items = ApiClient.JSON.readTree(list.out()).path("items");
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).path("kind").asString()).isEqualTo("Pod");
    }

    @Test
    void describeShowsTheObjectAndItsEvents() throws IOException {
        server.cli().run("apply", "-f", file("ns.yaml", namespaceYaml("describe")).toString());
        server.cli().run("apply", "-f", file("pod.yaml", podYaml("describe", "p", "app: p")).toString());
        String uid = server.api().get(ResourceKind.POD, "describe", "p").path("metadata").path("uid").asString();
        server.cli().run("create", "-f", file("event.yaml", """
                apiVersion: v1
                kind: Event
                metadata: {name: p.1, namespace: describe}
                involvedObject: {kind: Pod, name: p, namespace: describe, uid: %s}
                reason: Scheduled
                message: Successfully assigned describe/p to node-1
                type: Normal
                source: {component: default-scheduler}
                """.formatted(uid)).toString());

        Result result = server.cli().run("describe", "pod", "p", "-n", "describe");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Name:            p\n", "Namespace:       describe\n",
                "Labels:          app=p\n", "Status:          Pending\n", "    Image:          kubelite/busybox:1\n");
        assertThat(result.out()).containsPattern(
                "Events:\n  Type    Reason     Age +From +Message\n  ----    ------     --- +---- +-------\n"
                        + "  Normal  Scheduled  \\d+s +default-scheduler  Successfully assigned describe/p to node-1\n");
    }

    @Test
    void deleteByNameByLabelAndByFile() throws IOException {
        server.cli().run("apply", "-f", file("ns.yaml", namespaceYaml("delete")).toString());
        Path pods = file("pods.yaml", podYaml("delete", "a", "tier: x") + "---\n" + podYaml("delete", "b", "tier: x")
                + "---\n" + podYaml("delete", "c", "tier: y"));
        server.cli().run("apply", "-f", pods.toString());

        assertThat(server.cli().run("delete", "pod", "c", "-n", "delete").out()).isEqualTo("pod \"c\" deleted\n");
        assertThat(server.cli().run("delete", "pods", "-l", "tier=x", "-n", "delete").out())
                .isEqualTo("pod \"a\" deleted\npod \"b\" deleted\n");
        Result byFile = server.cli().run("delete", "-f", pods.toString());
        assertThat(byFile.exitCode()).isEqualTo(1);
        assertThat(byFile.err()).contains("Error from server (NotFound): pods \"a\" not found");
        assertThat(server.cli().run("get", "pods", "-n", "delete").err())
                .isEqualTo("No resources found in delete namespace.\n");
    }

    @Test
    void serverErrorsPrintTheStatusMessageAndExitNonZero() throws IOException {
        Result missing = server.cli().run("get", "pod", "nope");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("Error from server (NotFound): pods \"nope\" not found\n");

        Result invalid = server.cli().run("create", "-f", file("bad.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: Bad_Name}
                spec:
                  containers: [{name: c, image: kubelite/busybox:1}]
                """).toString());
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.err()).startsWith("Error from server (Invalid): ").contains("Bad_Name");

        Result unknownType = server.cli().run("get", "widgets");
        assertThat(unknownType.exitCode()).isEqualTo(1);
        assertThat(unknownType.err()).isEqualTo("error: the server doesn't have a resource type \"widgets\"\n");
    }

    @Test
    void apiResourcesListsWhatDiscoveryServes() {
        Result result = server.cli().run("api-resources");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("NAME          SHORTNAMES   APIVERSION   NAMESPACED   KIND\n");
        assertThat(result.out()).contains("pods          po           v1           true         Pod\n",
                "deployments   deploy       apps/v1      true         Deployment\n",
                "nodes         no           v1           false        Node\n");
        assertThat(result.out()).doesNotContain("pods/status");
    }

    @Test
    void versionPrintsClientAndServer() {
        Result result = server.cli().run("version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Client Version: ").containsPattern("Server Version: v\\S+");
    }
}
