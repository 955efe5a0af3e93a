package io.kubelite.model.quantity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.RandomCases;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of quantities checked on every sign, suffix and fraction length at the extreme digits
 * (0, 1, 999999999), then on {@value #RANDOM_CASES} random quantities from a fixed seed.
 */
class QuantityPropertyTest {

    private static final long SEED = 7_140_001L;
    private static final int RANDOM_CASES = 1_000;

    private static final Map<String, BigDecimal> MULTIPLIERS = Map.ofEntries(
            Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")), Map.entry("", BigDecimal.ONE), Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")), Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
            Map.entry("Mi", BigDecimal.valueOf(1L << 20)), Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
            Map.entry("Ti", BigDecimal.valueOf(1L << 40)), Map.entry("e3", new BigDecimal("1e3")),
            Map.entry("e-2", new BigDecimal("1e-2")), Map.entry("E6", new BigDecimal("1e6")));
    private static final List<String> SIGNS = List.of("", "-", "+");
    private static final List<String> SUFFIXES = MULTIPLIERS.keySet().stream().sorted().toList();
    private static final long MAX_DIGITS = 999_999_999L;
    private static final int MAX_FRACTION_DIGITS = 3;

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /** A quantity's text with the exact value it stands for (kept within nano precision and binary range). */
    record Written(String text, BigDecimal value) {

        static Written of(String sign, long digits, int fractionDigits, String suffix) {
            BigDecimal number = new BigDecimal(BigInteger.valueOf(digits), fractionDigits);
            BigDecimal value = number.multiply(MULTIPLIERS.get(suffix));
            return new Written(sign + number.toPlainString() + suffix, sign.equals("-") ? value.negate() : value);
        }

        boolean isInRange() {
            // Kubernetes caps binary-suffixed values at 2^63-1; the cap has its own table tests.
            return value.stripTrailingZeros().scale() <= 9
                    && (!text.endsWith("i") || value.abs().compareTo(LONG_MAX) <= 0);
        }

        @Override
        public String toString() {
            return "\"" + text + "\" (" + value.toPlainString() + ")";
        }
    }

    static Stream<Written> written() {
        return Stream.concat(edgeCases(), randomCases(new RandomCases(SEED)).limit(RANDOM_CASES));
    }

    static Stream<Arguments> writtenPairs() {
        RandomCases random = new RandomCases(SEED);
        List<Written> edges = edgeCases().toList();
        Stream<Arguments> edgePairs = edges.stream().flatMap(edge -> Stream.of(
                Arguments.of(edge, random.oneOf(edges)),
                Arguments.of(random.oneOf(edges), edge),
                Arguments.of(edge, randomCases(random).findFirst().orElseThrow())));
        Stream<Arguments> randomPairs = random.stream(RANDOM_CASES, () -> Arguments.of(
                randomCases(random).findFirst().orElseThrow(), randomCases(random).findFirst().orElseThrow()));
        return Stream.concat(edgePairs, randomPairs);
    }

    /** The edge and {@value #RANDOM_CASES} random quantities whose thousandths fit in a long. */
    static Stream<Written> writtenWithMillisInRange() {
        return Stream.concat(edgeCases().filter(QuantityPropertyTest::millisFitInALong),
                randomCases(new RandomCases(SEED)).filter(QuantityPropertyTest::millisFitInALong).limit(RANDOM_CASES));
    }

    private static Stream<Written> edgeCases() {
        List<Written> cases = new ArrayList<>();
        for (String sign : SIGNS) {
            for (long digits : List.of(0L, 1L, MAX_DIGITS)) {
                for (int fractionDigits = 0; fractionDigits <= MAX_FRACTION_DIGITS; fractionDigits++) {
                    for (String suffix : SUFFIXES) {
                        cases.add(Written.of(sign, digits, fractionDigits, suffix));
                    }
                }
            }
        }
        return cases.stream().filter(Written::isInRange);
    }

    /** Digits of a random length up to nine, so small and large magnitudes come up alike. */
    private static Stream<Written> randomCases(RandomCases random) {
        return Stream.generate(() -> {
            long largest = (long) Math.pow(10, random.between(1, 9)) - 1;
            return Written.of(random.oneOf(SIGNS), random.between(0L, largest),
                    random.between(0, MAX_FRACTION_DIGITS), random.oneOf(SUFFIXES));
        }).filter(Written::isInRange);
    }

    private static boolean millisFitInALong(Written written) {
        return written.value().scaleByPowerOfTen(3).abs().compareTo(LONG_MAX) < 0;
    }

    @ParameterizedTest
    @MethodSource("written")
    void parsesToTheExactValueWritten(Written written) {
        assertThat(Quantity.parse(written.text()).decimalValue()).as("%s", written)
                .isEqualByComparingTo(written.value());
    }

    @ParameterizedTest
    @MethodSource("written")
    void canonicalFormReparsesToAnEqualValue(Written written) {
        Quantity quantity = Quantity.parse(written.text());
        Quantity reparsed = Quantity.parse(quantity.toString());
        assertThat(reparsed).as("%s printed as %s", written, quantity).isEqualTo(quantity);
        assertThat(reparsed.hashCode()).as("hash of %s printed as %s", written, quantity)
                .isEqualTo(quantity.hashCode());
    }

    @ParameterizedTest
    @MethodSource("written")
    void canonicalFormIsIdempotent(Written written) {
        String canonical = Quantity.parse(written.text()).toString();
        assertThat(Quantity.parse(canonical).toString()).as("%s printed as %s", written, canonical)
                .isEqualTo(canonical);
    }

    @ParameterizedTest
    @MethodSource("written")
    void canonicalFormHasNoFractionAndAtMostOneSign(Written written) {
        String canonical = Quantity.parse(written.text()).toString();
        assertThat(canonical).as("%s printed", written)
                .doesNotContain(".").doesNotStartWith("+").doesNotStartWith("-0");
    }

    @ParameterizedTest
    @MethodSource("writtenPairs")
    void orderingAgreesWithTheExactValues(Written a, Written b) {
        int expected = Integer.signum(a.value().compareTo(b.value()));
        assertThat(Integer.signum(Quantity.parse(a.text()).compareTo(Quantity.parse(b.text()))))
                .as("%s compared to %s", a, b).isEqualTo(expected);
        assertThat(Quantity.parse(a.text()).equals(Quantity.parse(b.text())))
                .as("%s equals %s", a, b).isEqualTo(expected == 0);
    }

    @ParameterizedTest
    @MethodSource("writtenPairs")
    void subtractingWhatWasAddedGivesTheStartBack(Written a, Written b) {
        Quantity x = Quantity.parse(a.text());
        Quantity y = Quantity.parse(b.text());
        assertThat(x.add(y).subtract(y)).as("%s + %s - %s", a, b, b).isEqualTo(x);
        assertThat(x.add(y)).as("%s + %s", a, b).isEqualTo(y.add(x));
    }

    @ParameterizedTest
    @MethodSource("writtenWithMillisInRange")
    void milliValueRoundsUpAwayFromZero(Written written) {
        BigDecimal millis = written.value().scaleByPowerOfTen(3);
        long milli = Quantity.parse(written.text()).milliValue();
        assertThat(BigDecimal.valueOf(milli).abs()).as("%s in thousandths", written)
                .isGreaterThanOrEqualTo(millis.abs());
        assertThat(BigDecimal.valueOf(milli).subtract(millis).abs()).as("%s in thousandths", written)
                .isLessThan(BigDecimal.ONE);
    }
}
