package io.kubelite.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.autoscaling.Scale;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class UnknownFieldsTest {

    private static JsonNode manifest(String name) throws IOException {
        try (InputStream in = UnknownFieldsTest.class.getResourceAsStream("/manifests/" + name)) {
            return Json.MAPPER.readTree(in);
        }
    }

    private static JsonNode json(String text) {
        return Json.MAPPER.readTree(text.replace('\'', '"'));
    }

    @ParameterizedTest
    @CsvSource({"frontend-pod.json, POD", "running-pod.json, POD", "nginx-deployment.json, DEPLOYMENT"})
    void manifestsFromTheKubernetesDocumentationHaveNoUnknownFields(String manifest, ResourceKind kind)
            throws IOException {
        assertThat(UnknownFields.of(kind, manifest(manifest))).isEmpty();
    }

    @Test
    void everyUnknownFieldIsNamedWithItsPathNotOnlyTheFirst() {
        JsonNode pod = json("""
                {'apiVersion': 'v1', 'kind': 'Pod', 'colour': 'red',
                 'metadata': {'name': 'a', 'labels': {'any': 'label'}, 'selfLink': '/x'},
                 'spec': {'affinity': {'nodeAffinity': {}},
                          'containers': [{'name': 'a', 'image': 'busybox'},
                                         {'name': 'b', 'image': 'busybox', 'imagePolicy': 'x',
                                          'ports': [{'containerPort': 80, 'colour': 'blue'}],
                                          'volumeMounts': [{'name': 'data', 'mountPath': '/data'}]}],
                          'volumes': [{'name': 'data', 'emptyDir': {}}]}}
                """);

        assertThat(UnknownFields.of(ResourceKind.POD, pod)).containsExactly(
                "colour",
                "metadata.selfLink",
                "spec.affinity",
                "spec.containers[1].imagePolicy",
                "spec.containers[1].ports[0].colour",
                "spec.containers[1].volumeMounts",
                "spec.volumes");
    }

    @Test
    void fieldsInsideTheStatusAndTheDeploymentTemplateAreCheckedToo() {
        JsonNode deployment = json("""
                {'spec': {'template': {'metadata': {'labelz': {}},
                                       'spec': {'containers': [{'name': 'a', 'lifecycle': {}}]}},
                          'strategy': {'rollingUpdate': {'maxSurge': '25%', 'maxSpare': 1}}},
                 'status': {'replicas': 1, 'terminatingReplicas': 0}}
                """);

        assertThat(UnknownFields.of(ResourceKind.DEPLOYMENT, deployment)).containsExactly(
                "spec.template.metadata.labelz",
                "spec.template.spec.containers[0].lifecycle",
                "spec.strategy.rollingUpdate.maxSpare",
                "status.terminatingReplicas");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'spec': {'containers': [{'name': 'a', 'resources': {'requests': {'cpu': 'lots'}}}], 'x': 1}}",
            "{'spec': {'containers': 'none', 'x': 1}}",
            "{'spec': {'containers': [{'name': {'first': 'a'}, 'ports': [{'containerPort': 'http'}]}], 'x': 1}}",
            "{'metadata': 'a', 'spec': {'terminationGracePeriodSeconds': 1.5, 'x': 1}}",
            "{'metadata': {'creationTimestamp': 'yesterday'}, 'spec': {'priority': [1], 'x': 1}}",
            "{'spec': {'containers': [{'livenessProbe': {'httpGet': {'port': {'no': 1}}}}], 'x': 1}}"})
    void malformedValuesAreLeftToValidationAndDoNotHideLaterUnknownFields(String object) {
        assertThat(UnknownFields.of(ResourceKind.POD, json(object))).containsExactly("spec.x");
    }

    @Test
    void aRecordClassCanBeCheckedDirectly() {
        JsonNode scale = json("{'apiVersion': 'autoscaling/v1', 'kind': 'Scale', 'spec': {'replicas': 2, 'min': 1}}");

        assertThat(UnknownFields.of(Scale.class, scale)).containsExactly("spec.min");
    }

    @Test
    void everyKindReadsIntoItsRecord() {
        for (ResourceKind kind : ResourceKind.values()) {
            assertThat(kind.type().getSimpleName()).isEqualTo(kind.kind());
            assertThat(UnknownFields.of(kind, json("{'metadata': {'name': 'a'}, 'extra': true}")))
                    .containsExactly("extra");
        }
    }
}
