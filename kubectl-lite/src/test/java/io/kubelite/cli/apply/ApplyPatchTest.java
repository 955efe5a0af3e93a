package io.kubelite.cli.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.cli.api.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApplyPatchTest {

    private static JsonNode json(String text) {
        return ApiClient.JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void nothingToPatchWhenTheLiveObjectHoldsTheDeclarationPlusServerDefaults() {
        JsonNode declared = json("{'spec':{'containers':[{'name':'c','image':'i'}]}}");
        JsonNode live = json("{'spec':{'containers':[{'name':'c','image':'i','imagePullPolicy':'IfNotPresent'}],"
                + "'restartPolicy':'Always'},'status':{'phase':'Running'}}");

        assertThat(ApplyPatch.between(declared, declared, live)).isEmpty();
    }

    @Test
    void setsChangedFieldsAndListsWholeAndRemovesFieldsNoLongerDeclared() {
        JsonNode last = json("{'metadata':{'labels':{'app':'a','tier':'web'}},'spec':{'replicas':2}}");
        JsonNode declared = json("{'metadata':{'labels':{'app':'a'}},'spec':{'replicas':3,'args':['x']}}");
        JsonNode live = json("{'metadata':{'labels':{'app':'a','tier':'web','added':'by-someone'}},"
                + "'spec':{'replicas':2,'args':['x','y']}}");

        assertThat(ApplyPatch.between(last, declared, live))
                .isEqualTo(json("{'metadata':{'labels':{'tier':null}},'spec':{'replicas':3,'args':['x']}}"));
    }

    @Test
    void putsBackADeclaredValueAnotherClientChanged() {
        JsonNode declared = json("{'spec':{'replicas':3}}");
        assertThat(ApplyPatch.between(declared, declared, json("{'spec':{'replicas':5}}")))
                .isEqualTo(json("{'spec':{'replicas':3}}"));
    }
}
