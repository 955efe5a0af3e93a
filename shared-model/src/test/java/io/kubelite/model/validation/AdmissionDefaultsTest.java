package io.kubelite.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

class AdmissionDefaultsTest {

    static ObjectNode json(String text) {
        return (ObjectNode) Json.MAPPER.readTree(text.replace('\'', '"'));
    }

    private static ObjectNode defaulted(ResourceKind kind, String text) {
        ObjectNode object = json(text);
        Admission.applyDefaults(kind, object);
        return object;
    }

    @Test
    void fillsPodDefaultsAsKubernetesDoes() {
        ObjectNode pod = defaulted(ResourceKind.POD, """
                {'apiVersion':'v1','kind':'Pod','metadata':{'name':'nginx','namespace':'default'},
                 'spec':{'containers':[{'name':'nginx','image':'nginx:1.14.2','ports':[{'containerPort':80}]}]}}""");
        ObjectNode spec = (ObjectNode) pod.get("spec");
        assertThat(spec.get("restartPolicy").stringValue()).isEqualTo("Always");
        assertThat(spec.get("terminationGracePeriodSeconds").asInt()).isEqualTo(30);
        assertThat(spec.get("dnsPolicy").stringValue()).isEqualTo("ClusterFirst");
        assertThat(spec.get("schedulerName").stringValue()).isEqualTo("default-scheduler");
        ObjectNode container = (ObjectNode) spec.get("containers").get(0);
        assertThat(container.get("imagePullPolicy").stringValue()).isEqualTo("IfNotPresent");
        assertThat(container.get("terminationMessagePath").stringValue()).isEqualTo("/dev/termination-log");
        assertThat(container.get("terminationMessagePolicy").stringValue()).isEqualTo("File");
        assertThat(container.get("ports").get(0).get("protocol").stringValue()).isEqualTo("TCP");
        assertThat(container.get("resources").isObject()).isTrue();
        assertThat(pod.get("status").get("phase").stringValue()).isEqualTo("Pending");
        assertThat(pod.get("status").get("qosClass").stringValue()).isEqualTo("BestEffort");
    }

    @Test
    void keepsWhatTheUserSet() {
        ObjectNode pod = defaulted(ResourceKind.POD, """
                {'metadata':{'name':'p'},'spec':{'restartPolicy':'Never','terminationGracePeriodSeconds':5,
                 'containers':[{'name':'c','image':'busybox','imagePullPolicy':'Never','ports':[{'containerPort':53,'protocol':'UDP'}]}]},
                 'status':{'phase':'Running','qosClass':'Burstable'}}""");
        assertThat(pod.at("/spec/restartPolicy").stringValue()).isEqualTo("Never");
        assertThat(pod.at("/spec/terminationGracePeriodSeconds").asInt()).isEqualTo(5);
        assertThat(pod.at("/spec/containers/0/imagePullPolicy").stringValue()).isEqualTo("Never");
        assertThat(pod.at("/spec/containers/0/ports/0/protocol").stringValue()).isEqualTo("UDP");
        assertThat(pod.at("/status/phase").stringValue()).isEqualTo("Running");
        assertThat(pod.at("/status/qosClass").stringValue()).isEqualTo("Burstable");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"nginx, Always", "nginx:latest, Always", "nginx:1.14.2, IfNotPresent",
            "localhost:5000/nginx, Always", "localhost:5000/nginx:1.2, IfNotPresent",
            "registry.example.com/team/app:latest, Always", "nginx@sha256:abc, IfNotPresent", "nginx:, Always"})
    void pullsAlwaysOnlyForLatestOrUntaggedImages(String image, String policy) {
        assertThat(Defaults.pullPolicy(image)).isEqualTo(policy);
    }

    @Test
    void requestsDefaultToLimits() {
        ObjectNode pod = defaulted(ResourceKind.POD, """
                {'metadata':{'name':'p'},'spec':{'containers':[{'name':'c','image':'i:1',
                 'resources':{'limits':{'cpu':'500m','memory':'128Mi'},'requests':{'cpu':'250m'}}}]}}""");
        assertThat(pod.at("/spec/containers/0/resources/requests/cpu").stringValue()).isEqualTo("250m");
        assertThat(pod.at("/spec/containers/0/resources/requests/memory").stringValue()).isEqualTo("128Mi");
        assertThat(pod.at("/status/qosClass").stringValue()).isEqualTo("Burstable");
    }

    @Test
    void storesQuantitiesInCanonicalForm() {
        ObjectNode pod = defaulted(ResourceKind.POD, """
                {'metadata':{'name':'p'},'spec':{'containers':[{'name':'c','image':'i:1',
                 'resources':{'limits':{'cpu':0.5,'memory':'1024Mi'},'requests':{'cpu':'0.25','memory':'lots'}}}]}}""");
        assertThat(pod.at("/spec/containers/0/resources/limits/cpu").stringValue()).isEqualTo("500m");
        assertThat(pod.at("/spec/containers/0/resources/limits/memory").stringValue()).isEqualTo("1Gi");
        assertThat(pod.at("/spec/containers/0/resources/requests/cpu").stringValue()).isEqualTo("250m");
        assertThat(pod.at("/spec/containers/0/resources/requests/memory").stringValue()).isEqualTo("lots");

        ObjectNode node = defaulted(ResourceKind.NODE,
                "{'metadata':{'name':'n'},'status':{'capacity':{'cpu':4,'memory':'16384Mi','pods':'110'}}}");
        assertThat(node.at("/status/capacity").toString()).isEqualTo("{\"cpu\":\"4\",\"memory\":\"16Gi\",\"pods\":\"110\"}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "[{'name':'a','image':'i','resources':{}}]|BestEffort",
            "[{'name':'a','image':'i','resources':{'requests':{'cpu':'0'}}}]|BestEffort",
            "[{'name':'a','image':'i','resources':{'limits':{'cpu':'1','memory':'1Gi'}}}]|Guaranteed",
            "[{'name':'a','image':'i','resources':{'limits':{'cpu':'1','memory':'1Gi'},'requests':{'cpu':'1000m','memory':'1024Mi'}}}]|Guaranteed",
            "[{'name':'a','image':'i','resources':{'limits':{'cpu':'1'}}}]|Burstable",
            "[{'name':'a','image':'i','resources':{'limits':{'cpu':'1','memory':'1Gi'},'requests':{'cpu':'500m'}}}]|Burstable",
            "[{'name':'a','image':'i','resources':{'limits':{'cpu':'1','memory':'1Gi'}}},{'name':'b','image':'i'}]|Burstable",
            "[{'name':'a','image':'i','resources':{'limits':{'cpu':'1','memory':'1Gi'}}},{'name':'b','image':'i','resources':{'limits':{'cpu':'2','memory':'2Gi'}}}]|Guaranteed",
            "[{'name':'a','image':'i','resources':{'requests':{'memory':'10Mi'}}}]|Burstable"
    })
    void classifiesQualityOfServiceAsKubernetes(String containers, String qosClass) {
        ObjectNode pod = defaulted(ResourceKind.POD, "{'metadata':{'name':'p'},'spec':{'containers':" + containers + "}}");
        assertThat(pod.at("/status/qosClass").stringValue()).isEqualTo(qosClass);
    }

    @Test
    void fillsDeploymentDefaults() {
        ObjectNode deployment = defaulted(ResourceKind.DEPLOYMENT, """
                {'metadata':{'name':'d'},'spec':{'selector':{'matchLabels':{'app':'a'}},
                 'template':{'metadata':{'labels':{'app':'a'}},'spec':{'containers':[{'name':'c','image':'nginx'}]}}}}""");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(deployment.at("/spec/strategy/type").stringValue()).isEqualTo("RollingUpdate");
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxSurge").stringValue()).isEqualTo("25%");
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").stringValue()).isEqualTo("25%");
        assertThat(deployment.at("/spec/revisionHistoryLimit").asInt()).isEqualTo(10);
        assertThat(deployment.at("/spec/progressDeadlineSeconds").asInt()).isEqualTo(600);
        assertThat(deployment.at("/spec/template/spec/restartPolicy").stringValue()).isEqualTo("Always");
        assertThat(deployment.at("/spec/template/spec/containers/0/imagePullPolicy").stringValue()).isEqualTo("Always");
        assertThat(deployment.has("status")).isFalse();
    }

    @Test
    void recreateDeploymentsGetNoRollingUpdateParameters() {
        ObjectNode deployment = defaulted(ResourceKind.DEPLOYMENT,
                "{'metadata':{'name':'d'},'spec':{'strategy':{'type':'Recreate'}}}");
        assertThat(deployment.at("/spec/strategy").has("rollingUpdate")).isFalse();
    }

    @Test
    void fillsReplicaSetAndNamespaceDefaults() {
        ObjectNode replicaSet = defaulted(ResourceKind.REPLICASET,
                "{'metadata':{'name':'r'},'spec':{'template':{'spec':{'containers':[{'name':'c','image':'i:2'}]}}}}");
        assertThat(replicaSet.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(replicaSet.at("/spec/template/spec/dnsPolicy").stringValue()).isEqualTo("ClusterFirst");

        ObjectNode namespace = defaulted(ResourceKind.NAMESPACE, "{'metadata':{'name':'team-a'}}");
        assertThat(namespace.at("/status/phase").stringValue()).isEqualTo("Active");
        assertThat(namespace.at("/metadata/labels/kubernetes.io~1metadata.name").stringValue()).isEqualTo("team-a");
    }

    @Test
    void defaultingTwiceChangesNothing() {
        ObjectNode once = defaulted(ResourceKind.DEPLOYMENT, """
                {'metadata':{'name':'d'},'spec':{'template':{'spec':{'containers':[{'name':'c','image':'i',
                 'resources':{'limits':{'cpu':'1'}},'livenessProbe':{'httpGet':{'port':80}}}]}}}}""");
        ObjectNode twice = once.deepCopy();
        Admission.applyDefaults(ResourceKind.DEPLOYMENT, twice);
        assertThat(twice).isEqualTo(once);
        assertThat(once.at("/spec/template/spec/containers/0/livenessProbe/periodSeconds").asInt()).isEqualTo(10);
    }

    @Test
    void toleratesFieldsOfTheWrongTypeLeavingThemForValidation() {
        ObjectNode pod = defaulted(ResourceKind.POD, "{'metadata':{'name':'p'},'spec':{'containers':'oops'}}");
        assertThat(pod.at("/spec/containers").stringValue()).isEqualTo("oops");
        assertThat(Admission.validate(ResourceKind.POD, pod)).extracting(c -> c.field()).contains("spec.containers");
    }
}
