package io.kubelite.model.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.model.StatusException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldSelectorTest {

    @Test
    void parsesEqualityAndInequalityTerms() {
        FieldSelector selector = FieldSelector.parse("spec.nodeName=n1,status.phase!=Running,metadata.name==web");
        assertThat(selector.requirements()).containsExactly(
                new FieldSelector.Requirement("spec.nodeName", true, "n1"),
                new FieldSelector.Requirement("status.phase", false, "Running"),
                new FieldSelector.Requirement("metadata.name", true, "web"));
        assertThat(selector.toString()).isEqualTo("spec.nodeName=n1,status.phase!=Running,metadata.name=web");
    }

    @Test
    void emptyTextAndEmptyTermsSelectEverything() {
        assertThat(FieldSelector.parse("").isEmpty()).isTrue();
        assertThat(FieldSelector.parse(null).isEmpty()).isTrue();
        assertThat(FieldSelector.parse("a=b,,c=d").requirements()).hasSize(2);
    }

    @Test
    void anEmptyValueMatchesAMissingField() {
        FieldSelector selector = FieldSelector.parse("spec.nodeName=");
        assertThat(selector.requirements()).containsExactly(new FieldSelector.Requirement("spec.nodeName", true, ""));
        assertThat(selector.matches(field -> null)).isTrue();
        assertThat(selector.matches(field -> "n1")).isFalse();
    }

    @Test
    void matchesFieldValues() {
        Map<String, String> pod = Map.of("spec.nodeName", "n1", "status.phase", "Pending");
        assertThat(FieldSelector.parse("spec.nodeName=n1,status.phase!=Running").matches(pod::get)).isTrue();
        assertThat(FieldSelector.parse("spec.nodeName=n2").matches(pod::get)).isFalse();
        assertThat(FieldSelector.parse("status.phase!=Pending").matches(pod::get)).isFalse();
    }

    @Test
    void backslashEscapesCommasAndEquals() {
        FieldSelector selector = FieldSelector.parse("metadata.name=a\\,b\\=c\\\\,x=y");
        assertThat(selector.requirements()).containsExactly(
                new FieldSelector.Requirement("metadata.name", true, "a,b=c\\"),
                new FieldSelector.Requirement("x", true, "y"));
        assertThat(FieldSelector.parse(selector.toString())).isEqualTo(selector);
    }

    @ParameterizedTest
    @ValueSource(strings = {"spec.nodeName", "=x", "a=b,c", "a=\\x", "a=b\\"})
    void rejectsTermsWithoutAnOperatorOrWithBadEscapes(String text) {
        assertThatThrownBy(() -> FieldSelector.parse(text))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(400))
                .hasMessageContaining("invalid field selector");
    }

    @Test
    void explainsWhatItCouldNotUnderstand() {
        assertThatThrownBy(() -> FieldSelector.parse("a=b,c"))
                .hasMessageStartingWith("invalid field selector: 'a=b,c'; can't understand 'c'");
    }

    @Test
    void requirementsAreImmutable() {
        assertThatThrownBy(() -> FieldSelector.parse("a=b").requirements().add(null))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(new FieldSelector(List.of()).isEmpty()).isTrue();
    }
}
