package io.kubelite.model.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.model.Json;
import io.kubelite.model.quantity.Quantity.Format;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases from Kubernetes' own quantity_test.go, plus the everyday resource values. */
class QuantityTest {

    @ParameterizedTest(name = "{0} is {1} in {2}")
    @CsvSource({
            "0, 0, DECIMAL_SI", "0n, 0, DECIMAL_SI", "0u, 0, DECIMAL_SI", "0m, 0, DECIMAL_SI",
            "0Ki, 0, BINARY_SI", "0k, 0, DECIMAL_SI", "0Mi, 0, BINARY_SI", "0M, 0, DECIMAL_SI",
            "0Gi, 0, BINARY_SI", "0G, 0, DECIMAL_SI", "0Ti, 0, BINARY_SI", "0T, 0, DECIMAL_SI",
            "1, 1, DECIMAL_SI",
            "1Ki, 1024, BINARY_SI", "8Ki, 8192, BINARY_SI", "7Mi, 7340032, BINARY_SI",
            "6Gi, 6442450944, BINARY_SI", "5Ti, 5497558138880, BINARY_SI", "4Pi, 4503599627370496, BINARY_SI",
            "3Ei, 3458764513820540928, BINARY_SI", "10Ti, 10995116277760, BINARY_SI",
            "100Ti, 109951162777600, BINARY_SI",
            "5n, 5E-9, DECIMAL_SI", "4u, 4E-6, DECIMAL_SI", "3m, 0.003, DECIMAL_SI", "9, 9, DECIMAL_SI",
            "8k, 8000, DECIMAL_SI", "50k, 50000, DECIMAL_SI", "7M, 7E6, DECIMAL_SI", "6G, 6E9, DECIMAL_SI",
            "5T, 5E12, DECIMAL_SI", "40T, 4E13, DECIMAL_SI", "300T, 3E14, DECIMAL_SI", "2P, 2E15, DECIMAL_SI",
            "1E, 1E18, DECIMAL_SI",
            "1E-3, 0.001, DECIMAL_EXPONENT", "1e3, 1000, DECIMAL_EXPONENT", "1E6, 1E6, DECIMAL_EXPONENT",
            "1e9, 1E9, DECIMAL_EXPONENT", "1E12, 1E12, DECIMAL_EXPONENT", "1e15, 1E15, DECIMAL_EXPONENT",
            "1E18, 1E18, DECIMAL_EXPONENT", "1e14, 1E14, DECIMAL_EXPONENT", "1e13, 1E13, DECIMAL_EXPONENT",
            "100.035k, 100035, DECIMAL_SI",
            "0.001, 0.001, DECIMAL_SI", "0.0005k, 0.5, DECIMAL_SI", "0.005, 0.005, DECIMAL_SI",
            "0.05, 0.05, DECIMAL_SI", "0.5, 0.5, DECIMAL_SI", "0.00050k, 0.5, DECIMAL_SI",
            "0.00500, 0.005, DECIMAL_SI", "0.05000, 0.05, DECIMAL_SI", "0.50000, 0.5, DECIMAL_SI",
            "0.5e0, 0.5, DECIMAL_EXPONENT", "0.5e-1, 0.05, DECIMAL_EXPONENT", "0.5e-2, 0.005, DECIMAL_EXPONENT",
            "10.035M, 10035000, DECIMAL_SI",
            "1.2e3, 1200, DECIMAL_EXPONENT", "1.3E+6, 1300000, DECIMAL_EXPONENT", "1.40e9, 1.4E9, DECIMAL_EXPONENT",
            "1.53E12, 1.53E12, DECIMAL_EXPONENT", "1.6e15, 1.6E15, DECIMAL_EXPONENT",
            "1.7E18, 1.7E18, DECIMAL_EXPONENT",
            "9.01, 9.01, DECIMAL_SI", "8.1k, 8100, DECIMAL_SI", "7.123456M, 7123456, DECIMAL_SI",
            "6.987654321G, 6987654321, DECIMAL_SI", "5.444T, 5.444E12, DECIMAL_SI", "40.1T, 4.01E13, DECIMAL_SI",
            "300.2T, 3.002E14, DECIMAL_SI", "2.5P, 2.5E15, DECIMAL_SI", "1.01E, 1.01E18, DECIMAL_SI",
            // Values finer than a nano round away from zero; binary values saturate at 2^63-1.
            "3.001n, 4E-9, DECIMAL_SI", "1.1E-9, 2E-9, DECIMAL_EXPONENT", "0.0000000001, 1E-9, DECIMAL_SI",
            "0.0000000005, 1E-9, DECIMAL_SI", "0.00000000050, 1E-9, DECIMAL_SI", "0.5e-9, 1E-9, DECIMAL_EXPONENT",
            "0.9n, 1E-9, DECIMAL_SI", "0.00000012345, 1.24E-7, DECIMAL_SI", "0.00000012354, 1.24E-7, DECIMAL_SI",
            "9Ei, 9223372036854775807, BINARY_SI", "9223372036854775807Ki, 9223372036854775807, BINARY_SI",
            "12E, 1.2E19, DECIMAL_SI",
            "100.035Ki, 102435.84, BINARY_SI", "0.5Mi, 524288, BINARY_SI", "0.05Gi, 53687091.2, BINARY_SI",
            "0.025Ti, 27487790694.4, BINARY_SI",
            "0.000000000001Ki, 2E-9, DECIMAL_SI", ".001, 0.001, DECIMAL_SI", ".0001k, 0.1, DECIMAL_SI",
            "1., 1, DECIMAL_SI", "1.G, 1E9, DECIMAL_SI"
    })
    void parsesToTheValueAndFormatKubernetesParses(String text, BigDecimal value, Format format) {
        Quantity parsed = Quantity.parse(text);
        assertThat(parsed.decimalValue()).isEqualByComparingTo(value);
        assertThat(parsed.format()).isEqualTo(format);

        Quantity negative = Quantity.parse("-" + text);
        assertThat(negative.decimalValue()).isEqualByComparingTo(value.negate());
        assertThat(negative.format()).isEqualTo(format);
        assertThat(Quantity.parse("+" + text)).isEqualTo(parsed);
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({
            // The everyday resource values.
            "0.5, 500m", "1000, 1k", "1e3, 1e3", "1024Mi, 1Gi", "1.5Gi, 1536Mi", "100m, 100m", "0.1, 100m",
            "1.5, 1500m", "0, 0", "1Ki, 1Ki", "1000Ki, 1000Ki", "0.0001, 100u", "250m, 250m", "128Mi, 128Mi",
            "2, 2", "1000m, 1", "64Mi, 64Mi",
            // TestQuantityString (canonical and alternate spellings).
            "1Gi, 1Gi", "300Mi, 300Mi", "307200Ki, 300Mi", "6Ki, 6Ki", "1001Gi, 1001Gi", "1025024Mi, 1001Gi",
            "1Ti, 1Ti", "1024Gi, 1Ti", "1G, 1G", "1000M, 1G", "0.001T, 1G", "1m, 1m", "1000u, 1m", "80m, 80m",
            "1080m, 1080m", "1.08, 1080m", "1080000000n, 1080m", "300M, 300M", "1T, 1T", "1E, 1E",
            "1000E, 1e21", "5000E, 5e21", "1000000E, 1e24", "1234567M, 1234567M", "3k, 3k", "1025, 1025",
            "1e9, 1e9", ".001e12, 1e9", "1e-3, 1e-3", "0.001e0, 1e-3", "1e-9, 1e-9", "1000e-12, 1e-9",
            "80e-3, 80e-3", "300e6, 300e6", "1e12, 1e12", "3e3, 3e3", "00, 0", "1n, 1n", "80n, 80n",
            "1080n, 1080n", "1u, 1u", "80u, 80u", "1080u, 1080u",
            // TestQuantityParseEmit.
            "1Mi, 1Mi", ".001Ki, 1024m", ".000001Ki, 1024u", ".000000001Ki, 1024n", ".000000000001Ki, 2n",
            // Binary values below 1024 or with a fraction print in decimal.
            "5Ki, 5Ki", "0.5Ki, 512", "1.0001Ki, 1024102400u", "-1.5Gi, -1536Mi", "-0.5, -500m", "-0, 0"
    })
    void printsTheCanonicalFormKubernetesPrints(String text, String canonical) {
        assertThat(Quantity.parse(text).toString()).isEqualTo(canonical);
        assertThat(Quantity.parse(canonical).toString()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-",
            " 1", "1 ", "1e", "1Ki5", "1e3Ki", "1 Gi", "Non-Numeric", "1e99999999999"})
    void rejectsWhatKubernetesRejects(String text) {
        assertThatThrownBy(() -> Quantity.parse(text)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Quantity.isValid(text)).isFalse();
    }

    @Test
    void explainsBadSyntaxWithKubernetesMessage() {
        assertThatThrownBy(() -> Quantity.parse("12 cores"))
                .hasMessage("quantities must match the regular expression "
                        + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        assertThatThrownBy(() -> Quantity.parse("1Qi")).hasMessageContaining("must match");
        assertThatThrownBy(() -> Quantity.parse("1mi")).hasMessage("unable to parse quantity's suffix");
    }

    @Test
    void aLoneSignOrDotIsZeroAsInKubernetes() {
        assertThat(Quantity.parse(".").isZero()).isTrue();
        assertThat(Quantity.parse("-.").isZero()).isTrue();
        assertThat(Quantity.parse("+").isZero()).isTrue();
    }

    @ParameterizedTest(name = "{0}: value {1}, milli {2}")
    @CsvSource({"1, 1, 1000", "0.5, 1, 500", "100m, 1, 100", "1.5, 2, 1500", "0.0001, 1, 1", "1Gi, 1073741824, 1073741824000",
            "-9.01, -10, -9010", "1n, 1, 1", "0, 0, 0", "9Ei, 9223372036854775807, 9223372036854775807"})
    void valuesRoundAwayFromZeroAndSaturate(String text, long value, long milli) {
        Quantity quantity = Quantity.parse(text);
        assertThat(quantity.value()).isEqualTo(value);
        assertThat(quantity.milliValue()).isEqualTo(milli);
    }

    @Test
    void largeValuesSaturateTheIntegerAccessors() {
        assertThat(Quantity.parse("1e999").value()).isEqualTo(Long.MAX_VALUE);
        assertThat(Quantity.parse("-1e999").milliValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(Quantity.parse("1e999").toString()).isEqualTo("1e999");
        assertThat(Quantity.parse("1e999").add(Quantity.parse("1n")).compareTo(Quantity.parse("1e999"))).isPositive();
    }

    @Test
    void rejectsAbsurdMagnitudesThatWouldMakeArithmeticExpensive() {
        assertThatThrownBy(() -> Quantity.parse("1e999999999")).hasMessageContaining("quantity too large");
        assertThatThrownBy(() -> Quantity.parse("1e1001")).hasMessageContaining("quantity too large");
        assertThat(Quantity.parse("1e-999999999").toString()).isEqualTo("1e-9");
    }

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource({"0, 0, 0", "100m, 50m, 1", "50m, 100m, -1", "10000T, 100Gi, 1", "1, 1000m, 0", "1Ki, 1024, 0",
            "1e3, 1k, 0", "0.9, 1, -1", "-1, 0, -1"})
    void comparesByValue(String a, String b, int expected) {
        assertThat(Integer.signum(Quantity.parse(a).compareTo(Quantity.parse(b)))).isEqualTo(expected);
        assertThat(Quantity.parse(a).equals(Quantity.parse(b))).isEqualTo(expected == 0);
        if (expected == 0) {
            assertThat(Quantity.parse(a)).hasSameHashCodeAs(Quantity.parse(b));
        }
    }

    @Test
    void addingToZeroKeepsTheOtherSuffixAsKubernetesDoes() {
        for (String text : new String[] {"100m", "1Gi"}) {
            Quantity value = Quantity.parse(text);
            assertThat(value.add(Quantity.ZERO).toString()).isEqualTo(text);
            assertThat(Quantity.ZERO.add(value).toString()).isEqualTo(text);
            assertThat(value.subtract(Quantity.ZERO).toString()).isEqualTo(text);
            assertThat(Quantity.ZERO.subtract(value).toString()).isEqualTo(value.negate().toString());
        }
    }

    @Test
    void arithmeticKeepsTheReceiversFormat() {
        assertThat(Quantity.parse("10").subtract(Quantity.parse("1Ki")).format()).isEqualTo(Format.DECIMAL_SI);
        assertThat(Quantity.parse("1Gi").add(Quantity.parse("512Mi")).toString()).isEqualTo("1536Mi");
        assertThat(Quantity.parse("250m").add(Quantity.parse("750m")).toString()).isEqualTo("1");
        assertThat(Quantity.parse("1").subtract(Quantity.parse("1500m")).toString()).isEqualTo("-500m");
        assertThat(Quantity.parse("9.01").negate().toString()).isEqualTo("-9010m");
    }

    @Test
    void factoriesPrintLikeKubernetesConstructors() {
        assertThat(Quantity.of(1000).toString()).isEqualTo("1k");
        assertThat(Quantity.of(1234000).toString()).isEqualTo("1234k");
        assertThat(Quantity.ofBytes(1024).toString()).isEqualTo("1Ki");
        assertThat(Quantity.ofBytes(1024 * 1024).toString()).isEqualTo("1Mi");
        assertThat(Quantity.ofMillis(1).toString()).isEqualTo("1m");
        assertThat(Quantity.ofMillis(1234000).toString()).isEqualTo("1234");
        assertThat(Quantity.of(new BigDecimal("1000000"), Format.DECIMAL_EXPONENT).toString()).isEqualTo("1e6");
    }

    record Holder(Quantity cpu) { }

    @ParameterizedTest(name = "JSON {0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"cpu\":\" 1\"}|1", "{\"cpu\":\"1 \"}|1", "{\"cpu\":1}|1", "{\"cpu\": 1 }|1", "{\"cpu\":10}|10",
            "{\"cpu\":-1}|-1", "{\"cpu\":0.5}|500m", "{\"cpu\":\"250m\"}|250m", "{\"cpu\":1e3}|1e3"})
    void readsJsonStringsAndNumbers(String json, String canonical) {
        assertThat(Json.MAPPER.readValue(json, Holder.class).cpu().toString()).isEqualTo(canonical);
    }

    @Test
    void writesJsonAsTheCanonicalString() {
        assertThat(Json.MAPPER.writeValueAsString(new Holder(Quantity.parse("1.5Gi"))))
                .isEqualTo("{\"cpu\":\"1536Mi\"}");
    }

    @Test
    void rejectsBadJsonQuantitiesWithTheReason() {
        assertThatThrownBy(() -> Json.MAPPER.readValue("{\"cpu\":\"lots\"}", Holder.class))
                .hasMessageContaining("quantities must match the regular expression");
        assertThatThrownBy(() -> Json.MAPPER.readValue("{\"cpu\":true}", Holder.class))
                .hasMessageContaining("a quantity must be a string or a number");
    }
}
