package io.kubelite.model.quantity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class QuantityPropertyTest {

    private static final Map<String, BigDecimal> MULTIPLIERS = Map.ofEntries(
            Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")), Map.entry("", BigDecimal.ONE), Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")), Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
            Map.entry("Mi", BigDecimal.valueOf(1L << 20)), Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
            Map.entry("Ti", BigDecimal.valueOf(1L << 40)), Map.entry("e3", new BigDecimal("1e3")),
            Map.entry("e-2", new BigDecimal("1e-2")), Map.entry("E6", new BigDecimal("1e6")));

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /** A quantity's text with the exact value it stands for (kept within nano precision and binary range). */
    record Written(String text, BigDecimal value) { }

    @Provide
    Arbitrary<Written> written() {
        Arbitrary<String> sign = Arbitraries.of("", "-", "+");
        Arbitrary<BigInteger> digits = Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(999_999_999L));
        Arbitrary<Integer> fractionDigits = Arbitraries.integers().between(0, 3);
        Arbitrary<String> suffix = Arbitraries.of(MULTIPLIERS.keySet().stream().sorted().toList());
        return Combinators.combine(sign, digits, fractionDigits, suffix).as((s, d, f, x) -> {
            BigDecimal number = new BigDecimal(d, f);
            BigDecimal value = number.multiply(MULTIPLIERS.get(x));
            if (s.equals("-")) {
                value = value.negate();
            }
            return new Written(s + number.toPlainString() + x, value);
        }).filter(w -> w.value().stripTrailingZeros().scale() <= 9)
                // Kubernetes caps binary-suffixed values at 2^63-1; the cap has its own table tests.
                .filter(w -> !w.text().endsWith("i") || w.value().abs().compareTo(LONG_MAX) <= 0);
    }

    @Property
    void parsesToTheExactValueWritten(@ForAll("written") Written written) {
        assertThat(Quantity.parse(written.text()).decimalValue()).isEqualByComparingTo(written.value());
    }

    @Property
    void canonicalFormReparsesToAnEqualValue(@ForAll("written") Written written) {
        Quantity quantity = Quantity.parse(written.text());
        Quantity reparsed = Quantity.parse(quantity.toString());
        assertThat(reparsed).isEqualTo(quantity);
        assertThat(reparsed.hashCode()).isEqualTo(quantity.hashCode());
    }

    @Property
    void canonicalFormIsIdempotent(@ForAll("written") Written written) {
        String canonical = Quantity.parse(written.text()).toString();
        assertThat(Quantity.parse(canonical).toString()).isEqualTo(canonical);
    }

    @Property
    void canonicalFormHasNoFractionAndAtMostOneSign(@ForAll("written") Written written) {
        String canonical = Quantity.parse(written.text()).toString();
        assertThat(canonical).doesNotContain(".").doesNotStartWith("+").doesNotStartWith("-0");
    }

    @Property
    void orderingAgreesWithTheExactValues(@ForAll("written") Written a, @ForAll("written") Written b) {
        int expected = Integer.signum(a.value().compareTo(b.value()));
        assertThat(Integer.signum(Quantity.parse(a.text()).compareTo(Quantity.parse(b.text())))).isEqualTo(expected);
        assertThat(Quantity.parse(a.text()).equals(Quantity.parse(b.text()))).isEqualTo(expected == 0);
    }

    @Property
    void subtractingWhatWasAddedGivesTheStartBack(@ForAll("written") Written a, @ForAll("written") Written b) {
        Quantity x = Quantity.parse(a.text());
        Quantity y = Quantity.parse(b.text());
        assertThat(x.add(y).subtract(y)).isEqualTo(x);
        assertThat(x.add(y)).isEqualTo(y.add(x));
    }

    @Property
    void milliValueRoundsUpAwayFromZero(@ForAll("written") Written written) {
        BigDecimal millis = written.value().scaleByPowerOfTen(3);
        Assume.that(millis.abs().compareTo(LONG_MAX) < 0);
        long milli = Quantity.parse(written.text()).milliValue();
        assertThat(BigDecimal.valueOf(milli).abs()).isGreaterThanOrEqualTo(millis.abs());
        assertThat(BigDecimal.valueOf(milli).subtract(millis).abs()).isLessThan(BigDecimal.ONE);
    }
}
