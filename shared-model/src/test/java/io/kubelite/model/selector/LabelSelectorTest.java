package io.kubelite.model.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.model.StatusException;
import io.kubelite.model.meta.LabelSelectorRequirement;
import io.kubelite.model.selector.LabelSelector.Operator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parse, print and match cases after Kubernetes' labels/selector_test.go. */
class LabelSelectorTest {

    @ParameterizedTest(name = "\"{0}\" prints as \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "x=a|x=a",
            "y=a|y=a",
            "z=a|z=a",
            "x==a|x=a",
            "x!=a|x!=a",
            "x in (a)|x in (a)",
            "x in (b,a)|x in (a,b)",
            "x notin (a)|x notin (a)",
            "x in(a),y notin(b)|x in (a),y notin (b)",
            "  app = web ,  tier != db |app=web,tier!=db",
            "z=a,y=b,x|x,y=b,z=a",
            "!legacy|!legacy",
            "legacy|legacy",
            "x=|x=",
            "x in (a,)|x in (,a)",
            "x in ()|x in ()",
            "x in (,,a)|x in (,a)",
            "in=notin|in=notin",
            "x in (in,notin)|x in (in,notin)",
            "x>1|x>1",
            "x<5|x<5",
            "example.com/role=db,!example.com/legacy|!example.com/legacy,example.com/role=db",
            "x=a,x!=b|x=a,x!=b",
            "\"\"|\"\"",
            "|"
    })
    void parsesAndPrintsCanonically(String text, String canonical) {
        String input = text == null || text.equals("\"\"") ? "" : text;
        String expected = canonical == null || canonical.equals("\"\"") ? "" : canonical;
        LabelSelector selector = LabelSelector.parse(input);
        assertThat(selector.toString()).isEqualTo(expected);
        assertThat(LabelSelector.parse(selector.toString())).isEqualTo(selector);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(strings = {"x=a||y=b", "x==a==b", "!x=a", "x<a", "x in a", "x in (a", "x in (a b)", "x notin",
            "x=a,", ",x=a", "=a", "(x)", "x (a)", "x in (a),(", "x=a b", "!", "x!=(a)", "x>a",
            "-x=a", "x=-a", "a/b/c=d", "/x=a", "x=" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "x>1.5", "x<-5"})
    void rejectsBadSyntaxWithBadRequest(String text) {
        assertThatThrownBy(() -> LabelSelector.parse(text))
                .isInstanceOfSatisfying(StatusException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("BadRequest");
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @Test
    void errorsNameWhatWasFoundAndWhere() {
        assertThatThrownBy(() -> LabelSelector.parse("x in (a b)"))
                .hasMessage("unable to parse requirement: found 'b', expected: ',' or ')' at position 8 in \"x in (a b)\"");
        assertThatThrownBy(() -> LabelSelector.parse("x=a,"))
                .hasMessageContaining("found end of string, expected: identifier after ','");
        assertThatThrownBy(() -> LabelSelector.parse("Bad Key!=x"))
                .hasMessageContaining("found 'Key', expected");
        assertThatThrownBy(() -> LabelSelector.parse("x=a_"))
                .hasMessageContaining("invalid label value: \"a_\": at key: \"x\"");
        assertThatThrownBy(() -> LabelSelector.parse("-x"))
                .hasMessageContaining("invalid label key \"-x\"");
    }

    @ParameterizedTest(name = "\"{0}\" against {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "|{}|true",
            "|{x:y}|true",
            "x=y|{x:y}|true",
            "x==y|{x:y}|true",
            "x=y|{x:z}|false",
            "x=y|{}|false",
            "x!=y|{x:z}|true",
            "x!=y|{}|true",
            "x!=y|{x:y}|false",
            "x in (y,z)|{x:z}|true",
            "x in (y,z)|{x:w}|false",
            "x in (y,z)|{}|false",
            "x notin (y,z)|{x:w}|true",
            "x notin (y,z)|{}|true",
            "x notin (y,z)|{x:y}|false",
            "x|{x:anything}|true",
            "x|{y:z}|false",
            "!x|{y:z}|true",
            "!x|{x:z}|false",
            "x=|{x:}|true",
            "x=|{}|false",
            "x>1|{x:2}|true",
            "x>1|{x:1}|false",
            "x>1|{x:a}|false",
            "x<1|{x:0}|true",
            "x<1|{}|false",
            "x=a,y=b|{x:a,y:b,z:c}|true",
            "x=a,y=b|{x:a}|false",
            "app=web,tier!=db,env in (a,b),!legacy|{app:web,tier:fe,env:b}|true",
            "app=web,tier!=db,env in (a,b),!legacy|{app:web,tier:fe,env:b,legacy:yes}|false"
    })
    void matchesAsKubernetesDoes(String text, String labels, boolean expected) {
        assertThat(LabelSelector.parse(text == null ? "" : text).matches(labelMap(labels))).isEqualTo(expected);
    }

    @Test
    void noLabelsAreLikeEmptyLabels() {
        assertThat(LabelSelector.parse("").matches(null)).isTrue();
        assertThat(LabelSelector.parse("!x").matches(null)).isTrue();
        assertThat(LabelSelector.parse("x").matches(null)).isFalse();
    }

    @Test
    void buildsFromTheMetaV1Shape() {
        var spec = new io.kubelite.model.meta.LabelSelector(Map.of("app", "nginx"), List.of(
                new LabelSelectorRequirement("tier", "In", List.of("web", "cache")),
                new LabelSelectorRequirement("env", "NotIn", List.of("dev")),
                new LabelSelectorRequirement("track", "Exists", null),
                new LabelSelectorRequirement("legacy", "DoesNotExist", List.of())));
        LabelSelector selector = LabelSelector.fromSpec(spec);
        assertThat(selector.toString()).isEqualTo("app=nginx,env notin (dev),!legacy,tier in (cache,web),track");
        assertThat(selector.matches(Map.of("app", "nginx", "tier", "web", "track", "stable"))).isTrue();
        assertThat(selector.matches(Map.of("app", "nginx", "tier", "web"))).isFalse();
        assertThat(LabelSelector.fromSpec(new io.kubelite.model.meta.LabelSelector(null, null)).isEmpty()).isTrue();
    }

    @Test
    void rejectsBadMetaV1Expressions() {
        assertThatThrownBy(() -> LabelSelector.fromSpec(new io.kubelite.model.meta.LabelSelector(null,
                List.of(new LabelSelectorRequirement("a", "Equals", List.of("b"))))))
                .hasMessage("\"Equals\" is not a valid label selector operator");
        assertThatThrownBy(() -> LabelSelector.fromSpec(new io.kubelite.model.meta.LabelSelector(null,
                List.of(new LabelSelectorRequirement("a", "In", List.of())))))
                .hasMessage("for 'in', 'notin' operators, values set can't be empty");
        assertThatThrownBy(() -> LabelSelector.fromSpec(new io.kubelite.model.meta.LabelSelector(null,
                List.of(new LabelSelectorRequirement("a", "Exists", List.of("b"))))))
                .hasMessage("values set must be empty for exists and does not exist");
    }

    @Test
    void buildsFromALabelMap() {
        LabelSelector selector = LabelSelector.fromLabels(Map.of("b", "2", "a", "1"));
        assertThat(selector.toString()).isEqualTo("a=1,b=2");
        assertThat(selector.requirements()).extracting(LabelSelector.Requirement::operator)
                .containsOnly(Operator.EQUALS);
    }

    /** {@code {a:b,c:}} to a map; an empty value stays empty. */
    static Map<String, String> labelMap(String text) {
        String body = text.substring(1, text.length() - 1);
        Map<String, String> labels = new java.util.HashMap<>();
        if (!body.isEmpty()) {
            for (String pair : body.split(",")) {
                String[] parts = pair.split(":", -1);
                labels.put(parts[0], parts[1]);
            }
        }
        return labels;
    }
}
