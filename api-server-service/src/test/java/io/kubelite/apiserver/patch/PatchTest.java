package io.kubelite.apiserver.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.model.Json;
import io.kubelite.model.StatusException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class PatchTest {

    private static JsonNode json(String text) {
        return Json.MAPPER.readTree(text.replace('\'', '"'));
    }

    /** The examples of RFC 7386, appendix A. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'a':'b'}|{'a':'c'}|{'a':'c'}",
            "{'a':'b'}|{'b':'c'}|{'a':'b','b':'c'}",
            "{'a':'b'}|{'a':null}|{}",
            "{'a':'b','b':'c'}|{'a':null}|{'b':'c'}",
            "{'a':['b']}|{'a':'c'}|{'a':'c'}",
            "{'a':'c'}|{'a':['b']}|{'a':['b']}",
            "{'a':{'b':'c'}}|{'a':{'b':'d','c':null}}|{'a':{'b':'d'}}",
            "{'a':[{'b':'c'}]}|{'a':[1]}|{'a':[1]}",
            "['a','b']|['c','d']|['c','d']",
            "{'a':'b'}|['c']|['c']",
            "{'a':'foo'}|null|null",
            "{'a':'foo'}|'bar'|'bar'",
            "{'e':null}|{'a':1}|{'e':null,'a':1}",
            "[1,2]|{'a':'b','c':null}|{'a':'b'}",
            "{}|{'a':{'bb':{'ccc':null}}}|{'a':{'bb':{}}}"})
    void mergePatchFollowsRfc7386(String target, String patch, String expected) {
        JsonNode original = json(target);
        assertThat(MergePatch.apply(original, json(patch))).isEqualTo(json(expected));
        assertThat(original).isEqualTo(json(target));
    }

    @Test
    void jsonPatchAppliesEveryOperationInOrder() {
        JsonNode target = json("{'a':{'b':[1,2,3]},'c':'d'}");
        JsonNode patch = json("""
                [{'op':'add','path':'/a/b/1','value':9},
                 {'op':'add','path':'/a/b/-','value':4},
                 {'op':'remove','path':'/a/b/0'},
                 {'op':'replace','path':'/c','value':'e'},
                 {'op':'copy','from':'/c','path':'/f'},
                 {'op':'move','from':'/f','path':'/g~1h'},
                 {'op':'test','path':'/a/b','value':[9,2,3,4]}]""");
        assertThat(JsonPatch.apply(target, patch)).isEqualTo(json("{'a':{'b':[9,2,3,4]},'c':'e','g/h':'e'}"));
        assertThat(target).isEqualTo(json("{'a':{'b':[1,2,3]},'c':'d'}"));
    }

    @Test
    void jsonPatchThatCannotApplyIsUnprocessable() {
        assertThatThrownBy(() -> JsonPatch.apply(json("{'a':1}"), json("[{'op':'replace','path':'/b','value':2}]")))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(422));
        assertThatThrownBy(() -> JsonPatch.apply(json("{'a':[1]}"), json("[{'op':'add','path':'/a/5','value':2}]")))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(422));
        assertThatThrownBy(() -> JsonPatch.apply(json("{'a':1}"), json("[{'op':'test','path':'/a','value':2}]")))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(422));
    }

    @Test
    void malformedJsonPatchIsABadRequest() {
        assertThatThrownBy(() -> JsonPatch.apply(json("{}"), json("{'op':'add'}")))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(400));
        assertThatThrownBy(() -> JsonPatch.apply(json("{}"), json("[{'op':'add','value':1}]")))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(400));
        assertThatThrownBy(() -> JsonPatch.apply(json("{}"), json("[{'op':'add','path':'no-slash','value':1}]")))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(400));
    }

    @Test
    void contentTypesChooseThePatchFormat() {
        assertThat(PatchType.fromContentType("application/merge-patch+json")).isEqualTo(PatchType.MERGE);
        assertThat(PatchType.fromContentType("application/strategic-merge-patch+json; charset=utf-8")).isEqualTo(PatchType.MERGE);
        assertThat(PatchType.fromContentType("application/json-patch+json")).isEqualTo(PatchType.JSON_PATCH);
        assertThatThrownBy(() -> PatchType.fromContentType("application/json"))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(415));
        assertThatThrownBy(() -> PatchType.fromContentType("not a type"))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(415));
    }
}
