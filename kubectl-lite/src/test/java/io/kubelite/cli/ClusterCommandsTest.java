package io.kubelite.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.cli.api.ApiClient;
import io.kubelite.cli.api.ApiException;
import io.kubelite.model.ResourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** logs, scale, rollout history and undo, cordon, uncordon and drain against a real API server. */
class ClusterCommandsTest {

    @RegisterExtension
    static final LiveApiServer server = new LiveApiServer();

    @Test
    void scaleWritesTheScaleSubresourceOfADeploymentAndAReplicaSet() {
        server.api().create(ResourceKind.DEPLOYMENT, "default", json(deployment("scaled", "v1", 1)));
        Cli.Result run = server.cli().run("scale", "deployment/scaled", "--replicas=3");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("deployment.apps/scaled scaled\n");
        assertThat(server.api().get(ResourceKind.DEPLOYMENT, "default", "scaled").path("spec").path("replicas").asInt())
                .isEqualTo(3);

        server.api().create(ResourceKind.REPLICASET, "default", json(replicaSet("scaled-rs", "v1", 1, null, null)));
        assertThat(server.cli().run("scale", "rs", "scaled-rs", "--replicas=0").out())
                .isEqualTo("replicaset.apps/scaled-rs scaled\n");
        assertThat(server.api().get(ResourceKind.REPLICASET, "default", "scaled-rs").path("spec").path("replicas")
                .asInt())
                .isZero();
    }

    @Test
    void scaleOfAMissingDeploymentPrintsTheServersNotFoundAndFails() {
        Cli.Result run = server.cli().run("scale", "deploy/nowhere", "--replicas=2");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error from server (NotFound):").contains("nowhere");
    }

    @Test
    void rolloutHistoryListsRevisionsAndUndoCopiesTheOldTemplateWithoutItsHash() {
        ObjectNode created = server.api().create(ResourceKind.DEPLOYMENT, "default", json(deployment("hist", "v2", 2)));
        String uid = created.path("metadata").path("uid").asString();
        server.api().patch(ResourceKind.DEPLOYMENT, "default", "hist",
                json("{\"metadata\":{\"annotations\":{\"deployment.kubernetes.io/revision\":\"2\"}}}"));
        server.api().create(ResourceKind.REPLICASET, "default", json(replicaSet("hist-aaa", "v1", 0, uid, "1")));
        ObjectNode second = (ObjectNode) json(replicaSet("hist-bbb", "v2", 2, uid, "2"));
        ((ObjectNode) second.path("metadata").path("annotations")).put("kubernetes.io/change-cause", "image v2");
        server.api().create(ResourceKind.REPLICASET, "default", second);

        Cli.Result history = server.cli().run("rollout", "history", "deployment/hist");
        assertThat(history.exitCode()).isZero();
        assertThat(history.out()).isEqualTo("""
                deployment.apps/hist
                REVISION   CHANGE-CAUSE
                1          <none>
                2          image v2
                """);

        Cli.Result undo = server.cli().run("rollout", "undo", "deployment/hist");
        assertThat(undo.exitCode()).isZero();
        assertThat(undo.out()).isEqualTo("deployment.apps/hist rolled back\n");
        JsonNode template = server.api().get(ResourceKind.DEPLOYMENT, "default", "hist").path("spec").path("template");
        assertThat(template.path("spec").path("containers").get(0).path("image").asString()).isEqualTo("app:v1");
        assertThat(template.path("metadata").path("labels").has("pod-template-hash")).isFalse();
        assertThat(template.path("metadata").path("labels").path("app").asString()).isEqualTo("hist");

        assertThat(server.cli().run("rollout", "undo", "deployment/hist", "--to-revision=1").out())
                .isEqualTo("deployment.apps/hist skipped rollback (current template already matches revision 1)\n");
        Cli.Result missing = server.cli().run("rollout", "undo", "deployment/hist", "--to-revision=7");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("error: unable to find specified revision 7 in history\n");
    }

    @Test
    void rolloutStatusTimesOutWithAnErrorWhileNoControllerMovesTheDeployment() {
        server.api().create(ResourceKind.DEPLOYMENT, "default", json(deployment("stuck", "v1", 2)));
        Cli.Result run = server.cli().run("rollout", "status", "deployment/stuck", "--timeout=1s");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("Waiting for deployment ");
        assertThat(run.err()).isEqualTo("error: timed out waiting for the condition\n");
    }

    @Test
    void cordonAndUncordonSetUnschedulableAndSayWhenNothingChanged() {
        server.api().create(ResourceKind.NODE, null, json("{\"metadata\":{\"name\":\"cordoned\"}}"));
        assertThat(server.cli().run("cordon", "cordoned").out()).isEqualTo("node/cordoned cordoned\n");
        assertThat(server.api().get(ResourceKind.NODE, null, "cordoned").path("spec").path("unschedulable").asBoolean())
                .isTrue();
        assertThat(server.cli().run("cordon", "cordoned").out()).isEqualTo("node/cordoned already cordoned\n");
        assertThat(server.cli().run("uncordon", "cordoned").out()).isEqualTo("node/cordoned uncordoned\n");
        assertThat(server.api().get(ResourceKind.NODE, null, "cordoned").path("spec").path("unschedulable")
                .asBoolean(false))
                .isFalse();
        assertThat(server.cli().run("uncordon", "cordoned").out()).isEqualTo("node/cordoned already uncordoned\n");
    }

    @Test
    void drainRefusesPodsWithoutControllerUnlessForcedThenDeletesEveryPodOfTheNode() {
        server.api().create(ResourceKind.NODE, null, json("{\"metadata\":{\"name\":\"drained\"}}"));
        server.api().create(ResourceKind.POD, "default", json(pod("drained-owned", "drained",
                ",\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"name\":\"x\","
                        + "\"uid\":\"11111111-1111-1111-1111-111111111111\",\"controller\":true}]")));
        server.api().create(ResourceKind.POD, "default", json(pod("drained-bare", "drained", "")));
        server.api().create(ResourceKind.POD, "default", json(pod("elsewhere", "other-node", "")));

        Cli.Result refused = server.cli().run("drain", "drained", "--ignore-daemonsets");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).isEqualTo("node/drained cordoned\n");
        assertThat(refused.err()).contains("cannot delete Pods that declare no controller (use --force to override):"
                + " default/drained-bare");

        Cli.Result drained = server.cli().run("drain", "drained", "--force", "--grace-period=0", "--timeout=20s");
        assertThat(drained.exitCode()).as(drained.err()).isZero();
        assertThat(drained.out()).startsWith("node/drained already cordoned\n")
                .contains("evicting pod default/drained-owned\n", "evicting pod default/drained-bare\n",
                        "pod/drained-owned evicted\n", "pod/drained-bare evicted\n")
                .endsWith("node/drained drained\n");
        assertThat(drained.err()).contains("Warning: deleting Pods that declare no controller: default/drained-bare");
        assertNotFound(() -> server.api().get(ResourceKind.POD, "default", "drained-owned"));
        assertNotFound(() -> server.api().get(ResourceKind.POD, "default", "drained-bare"));
        assertThat(server.api().get(ResourceKind.POD, "default", "elsewhere").path("metadata").path("name").asString())
                .isEqualTo("elsewhere");
    }

    @Test
    void logsOfAPodNotBoundYetPrintsTheServersMessageAndFails() {
        server.api().create(ResourceKind.POD, "default", json(pod("unbound", null, "")));
        Cli.Result run = server.cli().run("logs", "unbound");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error from server (BadRequest): pod unbound does not have a host assigned\n");
    }

    private static void assertNotFound(Executable read) {
        assertThatThrownBy(read::execute).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.isNotFound()).isTrue());
    }

    static JsonNode json(String text) {
        return ApiClient.JSON.readTree(text);
    }

    static String pod(String name, String node, String extraMetadata) {
        return "{\"metadata\":{\"name\":\"" + name + "\"" + extraMetadata + "},\"spec\":{"
                + (node == null ? "" : "\"nodeName\":\"" + node + "\",")
                + "\"containers\":[{\"name\":\"app\",\"image\":\"app:v1\"}]}}";
    }

    private static String template(String app, String image, String hash) {
        return "{\"metadata\":{\"labels\":{\"app\":\"" + app + "\"" + (hash == null ? "" : ",\"pod-template-hash\":\""
                + hash + "\"") + "}},\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"app:" + image + "\"}]}}";
    }

    private static String deployment(String name, String image, int replicas) {
        return "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"replicas\":" + replicas
                + ",\"selector\":{\"matchLabels\":{\"app\":\"" + name + "\"}},\"template\":"
                + template(name, image, null) + "}}";
    }

    /** A ReplicaSet of the given app, owned by a Deployment uid at a revision when given. */
    private static String replicaSet(String name, String image, int replicas, String ownerUid, String revision) {
        String app = name.substring(0, name.indexOf('-'));
        String owner = ownerUid == null ? "" : ",\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":"
                + "\"Deployment\",\"name\":\"" + app + "\",\"uid\":\"" + ownerUid + "\",\"controller\":true}]";
        String annotations = revision == null ? "" : ",\"annotations\":{\"deployment.kubernetes.io/revision\":\""
                + revision + "\"}";
        return "{\"metadata\":{\"name\":\"" + name + "\"" + owner + annotations + "},\"spec\":{\"replicas\":"
                + replicas + ",\"selector\":{\"matchLabels\":{\"app\":\"" + app + "\",\"pod-template-hash\":\""
                + image + "\"}},\"template\":" + template(app, image, image) + "}}";
    }
}
