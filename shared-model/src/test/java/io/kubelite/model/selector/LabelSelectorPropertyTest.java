package io.kubelite.model.selector;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.RandomCases;
import io.kubelite.model.selector.LabelSelector.Operator;
import io.kubelite.model.selector.LabelSelector.Requirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of label selectors checked on edge cases (no labels, no requirements, empty and longest keys and
 * values, every operator) crossed with each other, then on {@value #RANDOM_CASES} random cases from a fixed seed.
 * The random labels often carry the requirements' keys, so that matching is decided by values, not by absence.
 */
class LabelSelectorPropertyTest {

    private static final long SEED = 7_140_002L;
    private static final int RANDOM_CASES = 1_000;

    private static final List<String> KEY_PREFIXES = List.of("", "example.com/", "a.b/");
    private static final String KEY_CHARS = "abcxyz019";
    private static final int MAX_KEY_NAME_LENGTH = 6;
    private static final String VALUE_CHARS = "abc019";
    private static final int MAX_VALUE_LENGTH = 5;
    private static final int MAX_LABELS = 6;
    private static final int MAX_VALUES = 3;
    private static final int MAX_REQUIREMENTS = 5;
    private static final List<Operator> OPERATORS = List.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN,
            Operator.NOT_IN, Operator.EXISTS, Operator.DOES_NOT_EXIST);

    private static final List<String> EDGE_KEYS = KEY_PREFIXES.stream()
            .flatMap(prefix -> Stream.of(prefix + "k", prefix + "k" + "9".repeat(MAX_KEY_NAME_LENGTH))).toList();
    private static final List<String> EDGE_VALUES = List.of("", "a", "9".repeat(MAX_VALUE_LENGTH));

    static Stream<Map<String, String>> labels() {
        RandomCases random = new RandomCases(SEED);
        return Stream.concat(edgeLabels().stream(), random.stream(RANDOM_CASES, () -> randomLabels(random)));
    }

    static Stream<Arguments> labelsAndMore() {
        RandomCases random = new RandomCases(SEED);
        Stream<Arguments> edges = edgeLabels().stream()
                .flatMap(labels -> edgeLabels().stream().map(more -> Arguments.of(labels, more)));
        Stream<Arguments> randoms = random.stream(RANDOM_CASES, () -> {
            Map<String, String> labels = randomLabels(random);
            return Arguments.of(labels, randomLabelsSharingKeys(random, labels.keySet().stream().toList()));
        });
        return Stream.concat(edges, randoms);
    }

    static Stream<List<Requirement>> requirementLists() {
        RandomCases random = new RandomCases(SEED);
        return Stream.concat(edgeRequirementLists().stream(),
                random.stream(RANDOM_CASES, () -> randomRequirementList(random)));
    }

    static Stream<Arguments> requirementsAndLabels() {
        RandomCases random = new RandomCases(SEED);
        Stream<Arguments> edges = edgeRequirements().stream()
                .flatMap(requirement -> edgeLabels().stream().map(labels -> Arguments.of(requirement, labels)));
        Stream<Arguments> randoms = random.stream(RANDOM_CASES, () -> {
            Requirement requirement = randomRequirement(random);
            return Arguments.of(requirement, randomLabelsAround(random, List.of(requirement)));
        });
        return Stream.concat(edges, randoms);
    }

    static Stream<Arguments> requirementListsAndLabels() {
        RandomCases random = new RandomCases(SEED);
        Stream<Arguments> edges = edgeRequirementLists().stream()
                .flatMap(requirements -> edgeLabels().stream().map(labels -> Arguments.of(requirements, labels)));
        Stream<Arguments> randoms = random.stream(RANDOM_CASES, () -> {
            List<Requirement> requirements = randomRequirementList(random);
            return Arguments.of(requirements, randomLabelsAround(random, requirements));
        });
        return Stream.concat(edges, randoms);
    }

    /** No labels, one label for each edge key and value, and the most labels with the longest keys. */
    private static List<Map<String, String>> edgeLabels() {
        List<Map<String, String>> cases = new ArrayList<>();
        cases.add(Map.of());
        for (String key : EDGE_KEYS) {
            for (String value : EDGE_VALUES) {
                cases.add(Map.of(key, value));
            }
        }
        Map<String, String> most = new HashMap<>();
        for (int i = 0; i < MAX_LABELS; i++) {
            most.put(KEY_PREFIXES.get(i % KEY_PREFIXES.size()) + "k" + String.valueOf(i).repeat(MAX_KEY_NAME_LENGTH),
                    EDGE_VALUES.get(i % EDGE_VALUES.size()));
        }
        cases.add(most);
        return cases;
    }

    /** Every operator on every edge key, with each edge value alone and with all of them. */
    private static List<Requirement> edgeRequirements() {
        List<List<String>> valueSets = new ArrayList<>();
        EDGE_VALUES.forEach(value -> valueSets.add(List.of(value)));
        valueSets.add(EDGE_VALUES);
        return OPERATORS.stream().flatMap(operator -> EDGE_KEYS.stream()
                .flatMap(key -> valueSets.stream().map(values -> requirement(key, operator, values))))
                .distinct().toList();
    }

    /** No requirements, each edge requirement alone, and the most requirements on one key and on several. */
    private static List<List<Requirement>> edgeRequirementLists() {
        List<Requirement> requirements = edgeRequirements();
        List<List<Requirement>> cases = new ArrayList<>();
        cases.add(List.of());
        requirements.forEach(requirement -> cases.add(List.of(requirement)));
        String key = EDGE_KEYS.get(0);
        cases.add(OPERATORS.stream().limit(MAX_REQUIREMENTS).map(op -> requirement(key, op, EDGE_VALUES)).toList());
        cases.add(EDGE_KEYS.stream().limit(MAX_REQUIREMENTS).map(k -> requirement(k, Operator.IN, EDGE_VALUES))
                .toList());
        return cases;
    }

    private static String randomKey(RandomCases random) {
        return random.oneOf(KEY_PREFIXES) + "k" + random.string(KEY_CHARS, 0, MAX_KEY_NAME_LENGTH);
    }

    private static String randomValue(RandomCases random) {
        return random.string(VALUE_CHARS, 0, MAX_VALUE_LENGTH);
    }

    private static Map<String, String> randomLabels(RandomCases random) {
        Map<String, String> labels = new HashMap<>();
        for (int size = random.between(0, MAX_LABELS); labels.size() < size; ) {
            labels.put(randomKey(random), randomValue(random));
        }
        return labels;
    }

    /** Random labels that, room allowing, carry about half of the keys given, each with a random value. */
    private static Map<String, String> randomLabelsSharingKeys(RandomCases random, List<String> keys) {
        Map<String, String> labels = randomLabels(random);
        for (String key : keys) {
            if (random.nextBoolean() && (labels.size() < MAX_LABELS || labels.containsKey(key))) {
                labels.put(key, randomValue(random));
            }
        }
        return labels;
    }

    /**
     * Random labels that, room allowing, carry about half of the requirements' keys, each with one of that
     * requirement's values or a random value.
     */
    private static Map<String, String> randomLabelsAround(RandomCases random, List<Requirement> requirements) {
        Map<String, String> labels = randomLabels(random);
        for (Requirement requirement : requirements) {
            String key = requirement.key();
            if (random.nextBoolean() && (labels.size() < MAX_LABELS || labels.containsKey(key))) {
                boolean ownValue = random.nextBoolean() && !requirement.values().isEmpty();
                labels.put(key, ownValue ? random.oneOf(requirement.values()) : randomValue(random));
            }
        }
        return labels;
    }

    private static Requirement randomRequirement(RandomCases random) {
        List<String> values = random.list(1, MAX_VALUES, () -> randomValue(random));
        return requirement(randomKey(random), random.oneOf(OPERATORS), values);
    }

    private static List<Requirement> randomRequirementList(RandomCases random) {
        return random.list(0, MAX_REQUIREMENTS, () -> randomRequirement(random));
    }

    /** The requirement on key with as many of values as the operator takes. */
    private static Requirement requirement(String key, Operator operator, List<String> values) {
        return switch (operator) {
            case EXISTS, DOES_NOT_EXIST -> LabelSelector.requirement(key, operator, List.of());
            case EQUALS, NOT_EQUALS -> LabelSelector.requirement(key, operator, values.subList(0, 1));
            default -> LabelSelector.requirement(key, operator, values);
        };
    }

    @ParameterizedTest
    @MethodSource("labels")
    void aSelectorBuiltFromLabelsMatchesThem(Map<String, String> labels) {
        assertThat(LabelSelector.fromLabels(labels).matches(labels)).as("labels %s", labels).isTrue();
    }

    @ParameterizedTest
    @MethodSource("labelsAndMore")
    void aSelectorBuiltFromLabelsMatchesAnySuperset(Map<String, String> labels, Map<String, String> more) {
        Map<String, String> superset = new HashMap<>(more);
        superset.putAll(labels);
        assertThat(LabelSelector.fromLabels(labels).matches(superset))
                .as("selector from %s on %s", labels, superset).isTrue();
    }

    @ParameterizedTest
    @MethodSource("requirementLists")
    void printedSelectorsParseBackToTheSameSelector(List<Requirement> requirements) {
        List<Requirement> sorted = requirements.stream().sorted(Comparator.comparing(Requirement::key)).toList();
        LabelSelector selector = new LabelSelector(sorted);
        assertThat(LabelSelector.parse(selector.toString())).as("selector \"%s\"", selector).isEqualTo(selector);
    }

    @ParameterizedTest
    @MethodSource("requirementsAndLabels")
    void eachOperatorIsTheNegationOfItsOpposite(Requirement requirement, Map<String, String> labels) {
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
        assertThat(negated.matches(labels)).as("\"%s\" against \"%s\" on %s", negated, requirement, labels)
                .isEqualTo(!requirement.matches(labels));
    }

    @ParameterizedTest
    @MethodSource("requirementListsAndLabels")
    void matchingIsTheConjunctionOfTheRequirements(List<Requirement> requirements, Map<String, String> labels) {
        boolean expected = requirements.stream().allMatch(r -> r.matches(labels));
        assertThat(new LabelSelector(requirements).matches(labels)).as("%s on %s", requirements, labels)
                .isEqualTo(expected);
    }
}
