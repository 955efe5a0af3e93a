package io.kubelite.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TemplateHashTest {

    private static final String TEMPLATE = """
            {"metadata":{"labels":{"app":"web","tier":"front"}},
             "spec":{"containers":[{"name":"main","image":"nginx:1"}]}}""";
    private static final String SAME_IN_OTHER_ORDER = """
            {"spec":{"containers":[{"image":"nginx:1","name":"main"}]},
             "metadata":{"labels":{"tier":"front","app":"web"}}}""";

    @Test
    void equalTemplatesHashAlikeWhateverTheOrderOfTheirKeys() {
        assertThat(TemplateHash.of(json(TEMPLATE), null)).isEqualTo(TemplateHash.of(json(SAME_IN_OTHER_ORDER), null));
    }

    @Test
    void aChangedTemplateOrCollisionCountHashesDifferently() {
        String hash = TemplateHash.of(json(TEMPLATE), null);

        assertThat(TemplateHash.of(json(TEMPLATE.replace("nginx:1", "nginx:2")), null)).isNotEqualTo(hash);
        assertThat(TemplateHash.of(json(TEMPLATE), 1)).isNotEqualTo(hash);
    }

    @Test
    void hashIsMadeOfCharactersThatSpellNoWords() {
        assertThat(TemplateHash.of(json(TEMPLATE), null)).matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}");
    }

    private static JsonNode json(String text) {
        return Json.MAPPER.readTree(text);
    }
}
