package io.kubelite.model.validation;

import static io.kubelite.model.validation.AdmissionDefaultsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.Status;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class AdmissionUpdateTest {

    private static final String POD = """
            {'metadata':{'name':'web','namespace':'default','uid':'u-1','labels':{'app':'web'}},
             'spec':{'containers':[{'name':'nginx','image':'nginx:1.14.2'}],
              'tolerations':[{'key':'a','operator':'Exists'}]}}""";

    private static final String DEPLOYMENT = """
            {'metadata':{'name':'d','namespace':'default','uid':'u-2'},
             'spec':{'replicas':1,'selector':{'matchLabels':{'app':'nginx'}},
              'template':{'metadata':{'labels':{'app':'nginx'}},'spec':{'containers':[{'name':'nginx','image':'nginx'}]}}}}""";

    private static List<String> update(ResourceKind kind, String base, Consumer<ObjectNode> change) {
        ObjectNode old = json(base);
        Admission.applyDefaults(kind, old);
        ObjectNode updated = old.deepCopy();
        change.accept(updated);
        return Admission.validateUpdate(kind, updated, old).stream().map(c -> c.field() + " " + c.reason()).toList();
    }

    private static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    @Test
    void podMayChangeImagesDeadlineAndAddTolerations() {
        assertThat(update(ResourceKind.POD, POD, p -> at(p, "/spec/containers/0").put("image", "nginx:1.25"))).isEmpty();
        assertThat(update(ResourceKind.POD, POD, p -> at(p, "/spec").put("activeDeadlineSeconds", 60))).isEmpty();
        assertThat(update(ResourceKind.POD, POD, p -> at(p, "/spec").withArray("tolerations").addObject()
                .put("key", "b").put("operator", "Exists"))).isEmpty();
        assertThat(update(ResourceKind.POD, POD, p -> at(p, "/metadata").putObject("labels").put("app", "v2"))).isEmpty();
        assertThat(update(ResourceKind.POD, POD, p -> at(p, "/status").put("phase", "Running"))).isEmpty();
    }

    @Test
    void podIsBoundOnceByNodeName() {
        assertThat(update(ResourceKind.POD, POD, p -> at(p, "/spec").put("nodeName", "n1"))).isEmpty();
        String bound = POD.replace("'tolerations'", "'nodeName':'n1','tolerations'");
        assertThat(update(ResourceKind.POD, bound, p -> at(p, "/spec").put("nodeName", "n2")))
                .containsExactly("spec FieldValueForbidden");
        assertThat(update(ResourceKind.POD, bound, p -> at(p, "/spec").remove("nodeName")))
                .containsExactly("spec FieldValueForbidden");
    }

    @Test
    void otherPodSpecChangesAreForbiddenWithKubernetesMessage() {
        ObjectNode old = json(POD);
        Admission.applyDefaults(ResourceKind.POD, old);
        ObjectNode updated = old.deepCopy();
        at(updated, "/spec").put("restartPolicy", "Never");
        List<Status.Cause> causes = Admission.validateUpdate(ResourceKind.POD, updated, old);
        assertThat(causes).hasSize(1);
        assertThat(causes.get(0).field()).isEqualTo("spec");
        assertThat(causes.get(0).message()).startsWith("Forbidden: pod updates may not change fields other than "
                + "`spec.containers[*].image`");

        assertThat(update(ResourceKind.POD, POD, p -> at(p, "/spec/containers/0").put("name", "other")))
                .containsExactly("spec FieldValueForbidden");
        assertThat(update(ResourceKind.POD, POD, p -> at(p, "/spec").putArray("tolerations")))
                .containsExactly("spec FieldValueForbidden");
        assertThat(update(ResourceKind.POD, POD, p -> at(p, "/spec").withArray("containers").addObject()
                .put("name", "sidecar").put("image", "busybox"))).containsExactly("spec FieldValueForbidden");
    }

    @Test
    void identityIsImmutable() {
        assertThat(update(ResourceKind.POD, POD, p -> at(p, "/metadata").put("name", "other")))
                .containsExactly("metadata.name FieldValueInvalid");
        assertThat(update(ResourceKind.POD, POD, p -> at(p, "/metadata").put("namespace", "kube-system")))
                .containsExactly("metadata.namespace FieldValueInvalid");
        assertThat(update(ResourceKind.POD, POD, p -> at(p, "/metadata").put("uid", "u-9")))
                .containsExactly("metadata.uid FieldValueInvalid");
        assertThat(update(ResourceKind.POD, POD, p -> at(p, "/metadata").remove("uid"))).isEmpty();
    }

    @Test
    void workloadSelectorsAreImmutableButTheRestOfTheSpecIsNot() {
        assertThat(update(ResourceKind.DEPLOYMENT, DEPLOYMENT, d -> at(d, "/spec").put("replicas", 5))).isEmpty();
        assertThat(update(ResourceKind.DEPLOYMENT, DEPLOYMENT,
                d -> at(d, "/spec/template/spec/containers/0").put("image", "nginx:1.25"))).isEmpty();
        assertThat(update(ResourceKind.DEPLOYMENT, DEPLOYMENT,
                d -> at(d, "/spec/selector/matchLabels").put("tier", "web")))
                .containsExactly("spec.selector FieldValueInvalid");
        assertThat(update(ResourceKind.REPLICASET, DEPLOYMENT,
                d -> at(d, "/spec").remove("selector"))).containsExactly("spec.selector FieldValueInvalid");
    }
}
