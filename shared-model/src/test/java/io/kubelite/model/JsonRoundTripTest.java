package io.kubelite.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.model.apps.Deployment;
import io.kubelite.model.apps.DeploymentStrategy;
import io.kubelite.model.apps.ReplicaSet;
import io.kubelite.model.apps.RollingUpdateDeployment;
import io.kubelite.model.autoscaling.Scale;
import io.kubelite.model.autoscaling.ScaleSpec;
import io.kubelite.model.autoscaling.ScaleStatus;
import io.kubelite.model.core.DaemonEndpoint;
import io.kubelite.model.core.Event;
import io.kubelite.model.core.EventSource;
import io.kubelite.model.core.Namespace;
import io.kubelite.model.core.NodeDaemonEndpoints;
import io.kubelite.model.core.NamespaceStatus;
import io.kubelite.model.core.Node;
import io.kubelite.model.core.NodeCondition;
import io.kubelite.model.core.NodeSpec;
import io.kubelite.model.core.NodeStatus;
import io.kubelite.model.core.ObjectReference;
import io.kubelite.model.core.Pod;
import io.kubelite.model.core.Taint;
import io.kubelite.model.meta.IntOrString;
import io.kubelite.model.meta.ItemList;
import io.kubelite.model.meta.ListMeta;
import io.kubelite.model.meta.ObjectMeta;
import io.kubelite.model.meta.OwnerReference;
import io.kubelite.model.quantity.Quantity;
import io.kubelite.model.validation.Admission;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Manifests from the Kubernetes documentation read and written unchanged. */
class JsonRoundTripTest {

    private static JsonNode manifest(String name) throws IOException {
        try (InputStream in = JsonRoundTripTest.class.getResourceAsStream("/manifests/" + name)) {
            return Json.MAPPER.readTree(in);
        }
    }

    private static <T> JsonNode roundTrip(JsonNode json, Class<T> type) {
        T typed = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(json), type);
        return Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(typed));
    }

    @Test
    void theNginxDeploymentFromTheDocsRoundTripsUnchanged() throws IOException {
        JsonNode json = manifest("nginx-deployment.json");
        assertThat(roundTrip(json, Deployment.class)).isEqualTo(json);

        Deployment deployment = Json.MAPPER.treeToValue(json, Deployment.class);
        assertThat(deployment.spec().replicas()).isEqualTo(3);
        assertThat(deployment.spec().selector().matchLabels()).containsEntry("app", "nginx");
        assertThat(deployment.spec().template().spec().containers().get(0).ports().get(0).containerPort()).isEqualTo(80);
    }

    @Test
    void theFrontendPodWithResourcesFromTheDocsRoundTripsUnchanged() throws IOException {
        JsonNode json = manifest("frontend-pod.json");
        assertThat(roundTrip(json, Pod.class)).isEqualTo(json);

        Pod pod = Json.MAPPER.treeToValue(json, Pod.class);
        assertThat(pod.spec().containers().get(0).resources().requests().get("cpu")).isEqualTo(Quantity.parse("0.25"));
        assertThat(pod.spec().containers().get(1).resources().limits().get("memory").value()).isEqualTo(128L << 20);
    }

    @Test
    void aRunningPodAsTheApiReturnsItRoundTripsUnchanged() throws IOException {
        JsonNode json = manifest("running-pod.json");
        assertThat(roundTrip(json, Pod.class)).isEqualTo(json);

        Pod pod = Json.MAPPER.treeToValue(json, Pod.class);
        assertThat(pod.metadata().creationTimestamp()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(pod.metadata().controllerReference().kind()).isEqualTo("ReplicaSet");
        assertThat(pod.status().containerStatuses().get(0).lastState().terminated().exitCode()).isEqualTo(137);
        assertThat(pod.spec().containers().get(0).livenessProbe().httpGet().port()).isEqualTo(IntOrString.of(80));
    }

    @Test
    void defaultedManifestsStillRoundTrip() throws IOException {
        for (String name : List.of("frontend-pod.json", "running-pod.json")) {
            ObjectNode json = (ObjectNode) manifest(name);
            Admission.applyDefaults(ResourceKind.POD, json);
            assertThat(roundTrip(json, Pod.class)).isEqualTo(json);
            assertThat(Admission.validate(ResourceKind.POD, withNamespace(json))).isEmpty();
        }
        ObjectNode deployment = (ObjectNode) manifest("nginx-deployment.json");
        Admission.applyDefaults(ResourceKind.DEPLOYMENT, deployment);
        assertThat(roundTrip(deployment, Deployment.class)).isEqualTo(deployment);
        assertThat(Admission.validate(ResourceKind.DEPLOYMENT, withNamespace(deployment))).isEmpty();
        assertThat(Json.MAPPER.treeToValue(deployment, Deployment.class).spec().strategy().rollingUpdate().maxSurge())
                .isEqualTo(IntOrString.of("25%"));
    }

    private static ObjectNode withNamespace(ObjectNode object) {
        ((ObjectNode) object.get("metadata")).put("namespace", "default");
        return object;
    }

    @Test
    void unknownFieldsAreIgnoredUnlessStrict() {
        String json = "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\",\"managedFields\":[]},"
                + "\"spec\":{\"finalizers\":[\"kubernetes\"]},\"extra\":1}";
        Namespace namespace = Json.MAPPER.readValue(json, Namespace.class);
        assertThat(namespace.metadata().name()).isEqualTo("a");
        assertThat(namespace.spec().finalizers()).containsExactly("kubernetes");
        assertThatThrownBy(() -> Json.STRICT_MAPPER.readValue(json, Namespace.class))
                .hasMessageContaining("managedFields");
    }

    @Test
    void timestampsAreWrittenInUtcWithWholeSeconds() {
        ObjectMeta metadata = ObjectMeta.named("default", "p")
                .withCreationTimestamp(Instant.parse("2024-05-01T10:00:00.987654321Z"));
        JsonNode json = Json.MAPPER.valueToTree(metadata);
        assertThat(json.get("creationTimestamp").stringValue()).isEqualTo("2024-05-01T10:00:00Z");
        ObjectMeta read = Json.MAPPER.readValue(
                "{\"creationTimestamp\":\"2024-05-01T12:00:00.5+02:00\"}", ObjectMeta.class);
        assertThat(read.creationTimestamp()).isEqualTo(Instant.parse("2024-05-01T10:00:00.5Z"));
        assertThatThrownBy(() -> Json.MAPPER.readValue("{\"creationTimestamp\":\"yesterday\"}", ObjectMeta.class))
                .hasMessageContaining("RFC 3339");
    }

    @Test
    void nullFieldsAreLeftOut() {
        Pod pod = Pod.of(ObjectMeta.named("default", "p"), null);
        assertThat(Json.MAPPER.writeValueAsString(pod))
                .isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"namespace\":\"default\"}}");
    }

    @Test
    void intOrStringKeepsItsJsonType() {
        RollingUpdateDeployment rolling = new RollingUpdateDeployment(IntOrString.of(0), IntOrString.of("25%"));
        String json = Json.MAPPER.writeValueAsString(new DeploymentStrategy("RollingUpdate", rolling));
        assertThat(json).isEqualTo("{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxUnavailable\":0,\"maxSurge\":\"25%\"}}");
        assertThat(Json.MAPPER.readValue(json, DeploymentStrategy.class).rollingUpdate()).isEqualTo(rolling);
        assertThatThrownBy(() -> Json.MAPPER.readValue("{\"maxSurge\":true}", RollingUpdateDeployment.class))
                .hasMessageContaining("must be an integer or a string");
    }

    @Test
    void intOrStringScalesPercentagesAsKubernetes() {
        assertThat(IntOrString.of("25%").scaledValue(10, true)).isEqualTo(3);
        assertThat(IntOrString.of("25%").scaledValue(10, false)).isEqualTo(2);
        assertThat(IntOrString.of(4).scaledValue(10, false)).isEqualTo(4);
        assertThat(IntOrString.of("100%").scaledValue(7, false)).isEqualTo(7);
        assertThatThrownBy(() -> IntOrString.of("25").scaledValue(10, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nodesEventsScalesAndListsRoundTrip() {
        Node node = Node.of(ObjectMeta.named("node-1"), new NodeSpec(null, null, null, true,
                        List.of(new Taint("dedicated", "gpu", "NoSchedule", null))))
                .withStatus(new NodeStatus(Map.of("cpu", Quantity.parse("4"), "memory", Quantity.parse("16Gi")),
                        Map.of("pods", Quantity.of(110)),
                        List.of(new NodeCondition("Ready", "True", Instant.parse("2024-05-01T10:00:00Z"), null, null, null)),
                        null, null, new NodeDaemonEndpoints(new DaemonEndpoint(10250))));
        assertThat(Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(node), Node.class)).isEqualTo(node);
        assertThat(Json.MAPPER.valueToTree(node).at("/status/daemonEndpoints/kubeletEndpoint/Port").intValue())
                .isEqualTo(10250);
        assertThat(Json.MAPPER.valueToTree(node).at("/status/capacity/memory").stringValue()).isEqualTo("16Gi");

        Pod pod = Pod.of(ObjectMeta.named("default", "web").withUid("u1"), null);
        Event event = new Event(Event.API_VERSION, Event.KIND, ObjectMeta.named("default", "web.1"),
                ObjectReference.to(pod), "Scheduled", "Successfully assigned default/web to node-1",
                new EventSource("default-scheduler", null), Instant.parse("2024-05-01T10:00:00Z"),
                Instant.parse("2024-05-01T10:00:00Z"), 1, Event.NORMAL, "default-scheduler", null);
        assertThat(Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(event), Event.class)).isEqualTo(event);
        assertThat(event.repeated(Instant.parse("2024-05-01T10:01:00Z")).count()).isEqualTo(2);

        Scale scale = Scale.of(ObjectMeta.named("default", "web"), new ScaleSpec(5))
                .withStatus(new ScaleStatus(3, "app=web"));
        assertThat(Json.MAPPER.valueToTree(scale).toString()).isEqualTo("{\"apiVersion\":\"autoscaling/v1\",\"kind\":"
                + "\"Scale\",\"metadata\":{\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":5},"
                + "\"status\":{\"replicas\":3,\"selector\":\"app=web\"}}");

        ItemList<Namespace> list = new ItemList<>("v1", "NamespaceList", new ListMeta("42", "abc", 7L),
                List.of(Namespace.of(ObjectMeta.named("a"), null).withStatus(new NamespaceStatus("Active"))));
        String listJson = Json.MAPPER.writeValueAsString(list);
        assertThat(listJson).contains("\"metadata\":{\"resourceVersion\":\"42\",\"continue\":\"abc\",\"remainingItemCount\":7}");
        assertThat(Json.MAPPER.readValue(listJson, new TypeReference<ItemList<Namespace>>() { })).isEqualTo(list);
    }

    @Test
    void controllersStampOwnerReferencesFromTheOwner() {
        ReplicaSet replicaSet = ReplicaSet.of(ObjectMeta.named("default", "web-1").withUid("rs-uid"), null);
        OwnerReference reference = OwnerReference.controlledBy(replicaSet);
        assertThat(reference).isEqualTo(new OwnerReference("apps/v1", "ReplicaSet", "web-1", "rs-uid", true, true));
        ObjectMeta owned = ObjectMeta.named("default", "web-1-x").withOwnerReferences(List.of(reference));
        assertThat(owned.controllerReference()).isEqualTo(reference);
        assertThat(ObjectMeta.named("x").controllerReference()).isNull();
    }
}
