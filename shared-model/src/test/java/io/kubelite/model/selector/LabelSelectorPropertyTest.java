package io.kubelite.model.selector;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.selector.LabelSelector.Operator;
import io.kubelite.model.selector.LabelSelector.Requirement;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LabelSelectorPropertyTest {

    @Provide
    Arbitrary<String> keys() {
        Arbitrary<String> name = Arbitraries.strings().withChars("abcxyz019").ofMinLength(0).ofMaxLength(6)
                .map(s -> "k" + s);
        return Combinators.combine(Arbitraries.of("", "example.com/", "a.b/"), name).as(String::concat);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withChars("abc019").ofMinLength(0).ofMaxLength(5);
    }

    @Provide
    Arbitrary<Map<String, String>> labels() {
        return Arbitraries.maps(keys(), values()).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Requirement> requirements() {
        Arbitrary<Operator> operators = Arbitraries.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN,
                Operator.NOT_IN, Operator.EXISTS, Operator.DOES_NOT_EXIST);
        Arbitrary<List<String>> valueSets = values().list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(keys(), operators, valueSets).as((key, op, vals) -> switch (op) {
            case EXISTS, DOES_NOT_EXIST -> LabelSelector.requirement(key, op, List.of());
            case EQUALS, NOT_EQUALS -> LabelSelector.requirement(key, op, vals.subList(0, 1));
            default -> LabelSelector.requirement(key, op, vals);
        });
    }

    @Provide
    Arbitrary<List<Requirement>> requirementLists() {
        return requirements().list().ofMaxSize(5);
    }

    @Property
    void aSelectorBuiltFromLabelsMatchesThem(@ForAll("labels") Map<String, String> labels) {
        assertThat(LabelSelector.fromLabels(labels).matches(labels)).isTrue();
    }

    @Property
    void aSelectorBuiltFromLabelsMatchesAnySuperset(@ForAll("labels") Map<String, String> labels,
                                                    @ForAll("labels") Map<String, String> more) {
        Map<String, String> superset = new java.util.HashMap<>(more);
        superset.putAll(labels);
        assertThat(LabelSelector.fromLabels(labels).matches(superset)).isTrue();
    }

    @Property
    void printedSelectorsParseBackToTheSameSelector(@ForAll("requirementLists") List<Requirement> requirements) {
        List<Requirement> sorted = requirements.stream()
                .sorted(java.util.Comparator.comparing(Requirement::key)).toList();
        LabelSelector selector = new LabelSelector(sorted);
        assertThat(LabelSelector.parse(selector.toString())).isEqualTo(selector);
    }

    @Property
    void eachOperatorIsTheNegationOfItsOpposite(@ForAll("requirements") Requirement requirement,
                                                @ForAll("labels") Map<String, String> labels) {
        Operator opposite = switch (requirement.operator()) {
            case EQUALS -> Operator.NOT_EQUALS;
            case NOT_EQUALS -> Operator.EQUALS;
            case IN -> Operator.NOT_IN;
            case NOT_IN -> Operator.IN;
            case EXISTS -> Operator.DOES_NOT_EXIST;
            case DOES_NOT_EXIST -> Operator.EXISTS;
            default -> throw new IllegalStateException();
        };
        Requirement negated = new Requirement(requirement.key(), opposite, requirement.values());
        assertThat(negated.matches(labels)).isEqualTo(!requirement.matches(labels));
    }

    @Property
    void matchingIsTheConjunctionOfTheRequirements(@ForAll("requirementLists") List<Requirement> requirements,
                                                   @ForAll("labels") Map<String, String> labels) {
        boolean expected = requirements.stream().allMatch(r -> r.matches(labels));
        assertThat(new LabelSelector(requirements).matches(labels)).isEqualTo(expected);
    }
}
