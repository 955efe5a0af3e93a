package io.kubelite.model.validation;

import static io.kubelite.model.validation.AdmissionDefaultsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

class AdmissionValidationTest {

    private static final String POD = """
            {'apiVersion':'v1','kind':'Pod','metadata':{'name':'web','namespace':'default','labels':{'app':'web'}},
             'spec':{'containers':[{'name':'nginx','image':'nginx:1.14.2','ports':[{'containerPort':80}],
              'resources':{'requests':{'cpu':'250m','memory':'64Mi'},'limits':{'cpu':'500m','memory':'128Mi'}}}]}}""";

    private static final String DEPLOYMENT = """
            {'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'nginx-deployment','namespace':'default'},
             'spec':{'replicas':3,'selector':{'matchLabels':{'app':'nginx'}},
              'template':{'metadata':{'labels':{'app':'nginx'}},
               'spec':{'containers':[{'name':'nginx','image':'nginx:1.14.2','ports':[{'containerPort':80}]}]}}}}""";

    /** Defaults first, as the store applies them before validating. */
    private static List<Status.Cause> validate(ResourceKind kind, String text) {
        ObjectNode object = json(text);
        Admission.applyDefaults(kind, object);
        return Admission.validate(kind, object);
    }

    private static ObjectNode with(String base, String pointer, String valueJson) {
        ObjectNode object = json(base);
        int slash = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) object.at(pointer.substring(0, slash));
        parent.set(pointer.substring(slash + 1).replace("~1", "/"), json("{'v':" + valueJson + "}").get("v"));
        return object;
    }

    private static List<String> problems(ResourceKind kind, ObjectNode object) {
        Admission.applyDefaults(kind, object);
        return Admission.validate(kind, object).stream().map(c -> c.field() + " " + c.reason()).toList();
    }

    @Test
    void acceptsValidPodsAndDeployments() {
        assertThat(validate(ResourceKind.POD, POD)).isEmpty();
        assertThat(validate(ResourceKind.DEPLOYMENT, DEPLOYMENT)).isEmpty();
        assertThat(validate(ResourceKind.REPLICASET, DEPLOYMENT.replace("Deployment", "ReplicaSet"))).isEmpty();
        assertThat(validate(ResourceKind.NAMESPACE, "{'metadata':{'name':'team-a'}}")).isEmpty();
        assertThat(validate(ResourceKind.NODE, """
                {'metadata':{'name':'node-1.example.com'},'spec':{'taints':[{'key':'dedicated','value':'gpu','effect':'NoSchedule'}]},
                 'status':{'capacity':{'cpu':'4','memory':'16Gi','pods':'110'},'allocatable':{'cpu':'3900m','memory':'15Gi','pods':110}}}""")).isEmpty();
        assertThat(validate(ResourceKind.EVENT, """
                {'metadata':{'name':'web.17a','namespace':'default'},'involvedObject':{'kind':'Pod','name':'web'},
                 'reason':'Scheduled','type':'Normal'}""")).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1} -> {2} {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "/metadata/name|'Web'|metadata.name|FieldValueInvalid",
            "/metadata/name|'a..b'|metadata.name|FieldValueInvalid",
            "/metadata/name|''|metadata.name|FieldValueRequired",
            "/metadata/namespace|''|metadata.namespace|FieldValueRequired",
            "/metadata/labels|{'app':'web!'}|metadata.labels|FieldValueInvalid",
            "/metadata/labels|{'-app':'web'}|metadata.labels|FieldValueInvalid",
            "/metadata/labels|{'example.com/app':''}|-|-",
            "/metadata/annotations|{'a/b/c':'x'}|metadata.annotations|FieldValueInvalid",
            "/spec/containers|[]|spec.containers|FieldValueRequired",
            "/spec/containers/0/image|''|spec.containers[0].image|FieldValueRequired",
            "/spec/containers/0/name|'Nginx'|spec.containers[0].name|FieldValueInvalid",
            "/spec/containers/0/ports/0/containerPort|0|spec.containers[0].ports[0].containerPort|FieldValueInvalid",
            "/spec/containers/0/ports/0/containerPort|70000|spec.containers[0].ports[0].containerPort|FieldValueInvalid",
            "/spec/containers/0/ports/0/hostPort|65536|spec.containers[0].ports[0].hostPort|FieldValueInvalid",
            "/spec/containers/0/ports/0/protocol|'HTTP'|spec.containers[0].ports[0].protocol|FieldValueNotSupported",
            "/spec/containers/0/ports/0/name|'Web_Port'|spec.containers[0].ports[0].name|FieldValueInvalid",
            "/spec/containers/0/resources/requests/memory|'lots'|spec.containers[0].resources.requests[memory]|FieldValueInvalid",
            "/spec/containers/0/resources/requests/cpu|'-1'|spec.containers[0].resources.requests[cpu]|FieldValueInvalid",
            "/spec/containers/0/resources/requests/cpu|'1'|spec.containers[0].resources.requests[cpu]|FieldValueInvalid",
            "/spec/containers/0/resources/requests/gpus|'1'|spec.containers[0].resources.requests[gpus]|FieldValueInvalid",
            "/spec/containers/0/resources/requests/nvidia.com~1gpu|'1'|-|-",
            "/spec/containers/0/env|[{'name':'1ABC','value':'x'}]|spec.containers[0].env[0].name|FieldValueInvalid",
            "/spec/containers/0/env|[{'value':'x'}]|spec.containers[0].env[0].name|FieldValueRequired",
            "/spec/containers/0/livenessProbe|{'httpGet':{'port':80},'periodSeconds':-1}|spec.containers[0].livenessProbe.periodSeconds|FieldValueInvalid",
            "/spec/containers/0/readinessProbe|{'initialDelaySeconds':5}|spec.containers[0].readinessProbe|FieldValueRequired",
            "/spec/restartPolicy|'Sometimes'|spec.restartPolicy|FieldValueNotSupported",
            "/spec/terminationGracePeriodSeconds|-1|spec.terminationGracePeriodSeconds|FieldValueInvalid",
            "/spec/activeDeadlineSeconds|0|spec.activeDeadlineSeconds|FieldValueInvalid",
            "/spec/dnsPolicy|'Google'|spec.dnsPolicy|FieldValueNotSupported",
            "/spec/nodeSelector|{'disk type':'ssd'}|spec.nodeSelector|FieldValueInvalid",
            "/spec/tolerations|[{'key':'k','operator':'Maybe'}]|spec.tolerations[0].operator|FieldValueNotSupported",
            "/spec/tolerations|[{'key':'k','operator':'Exists','value':'v'}]|spec.tolerations[0].operator|FieldValueInvalid",
            "/spec/tolerations|[{'operator':'Equal','value':'v'}]|spec.tolerations[0].operator|FieldValueInvalid",
            "/spec/tolerations|[{'key':'k','effect':'Evict'}]|spec.tolerations[0].effect|FieldValueNotSupported",
            "/spec/tolerations|[{'key':'k','effect':'NoSchedule','tolerationSeconds':5}]|spec.tolerations[0].effect|FieldValueInvalid",
            "/spec/tolerations|[{'operator':'Exists'}]|-|-",
            "/spec/containers/0/image|42|spec.containers[0].image|FieldValueInvalid",
            "/spec/containers/0/ports|'80'|spec.containers[0].ports|FieldValueInvalid"
    })
    void reportsPodProblemsAtKubernetesFieldPaths(String pointer, String value, String field, String reason) {
        List<String> problems = problems(ResourceKind.POD, with(POD, pointer, value));
        if (field.equals("-")) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).contains(field + " " + reason);
        }
    }

    @Test
    void explainsProblemsInKubernetesWords() {
        ObjectNode pod = with(POD, "/spec/containers/0/resources/requests/cpu", "'1'");
        assertThat(validate(ResourceKind.POD, pod.toString())).containsExactly(new Status.Cause("FieldValueInvalid",
                "Invalid value: \"1\": must be less than or equal to cpu limit of 500m",
                "spec.containers[0].resources.requests[cpu]"));

        assertThat(validate(ResourceKind.POD, with(POD, "/metadata/name", "'Web'").toString()).get(0).message())
                .isEqualTo("Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case "
                        + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
                        + "(e.g. 'example.com', regex used for validation is "
                        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");

        assertThat(validate(ResourceKind.POD, with(POD, "/metadata/name", "''").toString()).get(0).message())
                .isEqualTo("Required value: name or generateName is required");

        assertThat(validate(ResourceKind.POD, with(POD, "/spec/restartPolicy", "'Sometimes'").toString()).get(0).message())
                .isEqualTo("Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"");

        assertThat(validate(ResourceKind.POD, with(POD, "/spec/containers/0/resources/limits/memory", "'1 Gi'").toString()))
                .extracting(Status.Cause::message)
                .contains("Invalid value: \"1 Gi\": quantities must match the regular expression "
                        + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    }

    @Test
    void podPhaseIsOneOfKubernetesPhases() {
        ObjectNode pod = json(POD);
        pod.putObject("status").put("phase", "Running");
        assertThat(problems(ResourceKind.POD, pod)).isEmpty();
        ((ObjectNode) pod.get("status")).put("phase", "Runn\u0000ing");
        assertThat(problems(ResourceKind.POD, pod)).containsExactly("status.phase FieldValueNotSupported");
    }

    @Test
    void generateNameStandsInForAMissingName() {
        ObjectNode pod = json(POD);
        ((ObjectNode) pod.get("metadata")).remove("name");
        ((ObjectNode) pod.get("metadata")).put("generateName", "web-");
        assertThat(problems(ResourceKind.POD, pod)).isEmpty();
        ((ObjectNode) pod.get("metadata")).put("generateName", "Web-");
        assertThat(problems(ResourceKind.POD, pod)).containsExactly("metadata.generateName FieldValueInvalid");
    }

    @Test
    void containerNamesMustBeUniqueAcrossInitAndAppContainers() {
        ObjectNode pod = with(POD, "/spec/initContainers", "[{'name':'nginx','image':'busybox'}]");
        assertThat(problems(ResourceKind.POD, pod)).containsExactly("spec.containers[0].name FieldValueDuplicate");
    }

    @Test
    void namespaceNamesAreDnsLabelsAndClusterObjectsHaveNoNamespace() {
        assertThat(problems(ResourceKind.NAMESPACE, json("{'metadata':{'name':'team.a'}}")))
                .containsExactly("metadata.name FieldValueInvalid");
        assertThat(problems(ResourceKind.NODE, json("{'metadata':{'name':'n1','namespace':'default'}}")))
                .containsExactly("metadata.namespace FieldValueForbidden");
        assertThat(problems(ResourceKind.NODE, json("{'metadata':{'name':'n1.example.com'}}"))).isEmpty();
    }

    @Test
    void limitsTheTotalSizeOfAnnotations() {
        ObjectNode pod = json(POD);
        ((ObjectNode) pod.get("metadata")).putObject("annotations").put("big", "x".repeat(256 * 1024));
        assertThat(problems(ResourceKind.POD, pod)).containsExactly("metadata.annotations FieldValueTooLong");
    }

    @Test
    void labelValuesMayNotExceedSixtyThreeCharacters() {
        ObjectNode pod = json(POD);
        ((ObjectNode) pod.at("/metadata/labels")).put("app", "a".repeat(64));
        assertThat(problems(ResourceKind.POD, pod)).containsExactly("metadata.labels FieldValueInvalid");
    }

    @ParameterizedTest(name = "{0} = {1} -> {2} {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "/spec/replicas|-1|spec.replicas|FieldValueInvalid",
            "/spec/selector|{}|spec.selector|FieldValueInvalid",
            "/spec/selector/matchLabels|{'app':'other'}|spec.template.metadata.labels|FieldValueInvalid",
            "/spec/selector/matchExpressions|[{'key':'tier','operator':'Like','values':['a']}]|spec.selector.matchExpressions[0].operator|FieldValueInvalid",
            "/spec/selector/matchExpressions|[{'key':'tier','operator':'In'}]|spec.selector.matchExpressions[0].values|FieldValueRequired",
            "/spec/selector/matchExpressions|[{'key':'app','operator':'In','values':['nginx','web']}]|-|-",
            "/spec/template/spec/containers/0/image|''|spec.template.spec.containers[0].image|FieldValueRequired",
            "/spec/template/spec/restartPolicy|'Never'|spec.template.spec.restartPolicy|FieldValueNotSupported",
            "/spec/template/spec/containers/0/ports/0/containerPort|-80|spec.template.spec.containers[0].ports[0].containerPort|FieldValueInvalid",
            "/spec/strategy|{'type':'Canary'}|spec.strategy.type|FieldValueNotSupported",
            "/spec/strategy|{'type':'Recreate','rollingUpdate':{'maxSurge':1}}|spec.strategy.rollingUpdate|FieldValueForbidden",
            "/spec/strategy|{'type':'RollingUpdate','rollingUpdate':{'maxSurge':0,'maxUnavailable':'0%'}}|spec.strategy.rollingUpdate.maxUnavailable|FieldValueInvalid",
            "/spec/strategy|{'type':'RollingUpdate','rollingUpdate':{'maxSurge':'ten','maxUnavailable':1}}|spec.strategy.rollingUpdate.maxSurge|FieldValueInvalid",
            "/spec/strategy|{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1,'maxUnavailable':'150%'}}|spec.strategy.rollingUpdate.maxUnavailable|FieldValueInvalid",
            "/spec/strategy|{'type':'RollingUpdate','rollingUpdate':{'maxSurge':-1,'maxUnavailable':1}}|spec.strategy.rollingUpdate.maxSurge|FieldValueInvalid",
            "/spec/strategy|{'type':'RollingUpdate','rollingUpdate':{'maxSurge':0,'maxUnavailable':1}}|-|-",
            "/spec/revisionHistoryLimit|-2|spec.revisionHistoryLimit|FieldValueInvalid",
            "/spec/minReadySeconds|700|spec.progressDeadlineSeconds|FieldValueInvalid"
    })
    void reportsDeploymentProblemsAtKubernetesFieldPaths(String pointer, String value, String field, String reason) {
        List<String> problems = problems(ResourceKind.DEPLOYMENT, with(DEPLOYMENT, pointer, value));
        if (field.equals("-")) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).contains(field + " " + reason);
        }
    }

    @Test
    void deploymentsNeedASelectorMatchingTheirTemplate() {
        ObjectNode deployment = json(DEPLOYMENT);
        ((ObjectNode) deployment.get("spec")).remove("selector");
        assertThat(problems(ResourceKind.DEPLOYMENT, deployment)).containsExactly("spec.selector FieldValueRequired");

        List<Status.Cause> causes = validate(ResourceKind.DEPLOYMENT,
                with(DEPLOYMENT, "/spec/selector/matchLabels", "{'app':'other'}").toString());
        assertThat(causes).extracting(Status.Cause::message)
                .containsExactly("Invalid value: {app=nginx}: `selector` does not match template `labels`");
    }

    @Test
    void nodeTaintsAndQuantitiesAreChecked() {
        assertThat(problems(ResourceKind.NODE, json("""
                {'metadata':{'name':'n1'},'spec':{'taints':[{'key':'a','effect':'Sometimes'},{'effect':'NoSchedule'},
                 {'key':'b','effect':'NoExecute'},{'key':'b','effect':'NoExecute'}]},
                 'status':{'capacity':{'cpu':'four'},'allocatable':{'memory':'-1Gi'}}}""")))
                .containsExactlyInAnyOrder("spec.taints[0].effect FieldValueNotSupported",
                        "spec.taints[1].key FieldValueRequired", "spec.taints[3] FieldValueDuplicate",
                        "status.capacity[cpu] FieldValueInvalid", "status.allocatable[memory] FieldValueInvalid");
    }

    @Test
    void eventsNeedAnInvolvedObject() {
        assertThat(problems(ResourceKind.EVENT, json("{'metadata':{'name':'e','namespace':'default'},'reason':'x'}")))
                .containsExactly("involvedObject FieldValueRequired");
    }

    @Test
    void ownerReferencesNeedIdentityAndAtMostOneController() {
        ObjectNode pod = json(POD);
        ((ObjectNode) pod.get("metadata")).set("ownerReferences", json("""
                {'v':[{'apiVersion':'apps/v1','kind':'ReplicaSet','name':'rs','uid':'u1','controller':true},
                      {'apiVersion':'apps/v1','kind':'ReplicaSet','name':'rs2','uid':'u2','controller':true},
                      {'apiVersion':'v1','kind':'Node','name':'n'}]}""").get("v"));
        assertThat(problems(ResourceKind.POD, pod)).containsExactlyInAnyOrder(
                "metadata.ownerReferences[2].uid FieldValueInvalid", "metadata.ownerReferences FieldValueInvalid");
    }
}
