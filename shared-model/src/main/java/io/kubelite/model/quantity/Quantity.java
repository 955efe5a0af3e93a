package io.kubelite.model.quantity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A Kubernetes resource quantity ({@code 250m}, {@code 1.5}, {@code 128Mi}, {@code 1e3}), parsed and printed
 * as {@code k8s.io/apimachinery/pkg/api/resource.Quantity} does.
 *
 * <p>The value is exact (never a floating point number). Parsing rounds a non-zero value away from zero to
 * nano precision and caps a binary-suffixed value at 2^63-1. The format of the suffix is remembered and the
 * value is printed in canonical form in that format: no fractional digits, the largest suffix that loses
 * nothing ({@code 1.5Gi} prints {@code 1536Mi}, {@code 0.5} prints {@code 500m}). Two quantities are equal
 * when their values are equal, whatever their formats.
 */
@JsonDeserialize(using = QuantityDeserializer.class)
public final class Quantity implements Comparable<Quantity> {

    /** How a quantity was written, and so how it is printed. */
    public enum Format { DECIMAL_SI, BINARY_SI, DECIMAL_EXPONENT }

    /** The message Kubernetes gives for text that is not a quantity. */
    public static final String FORMAT_MESSAGE =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    static final String NUMERIC_MESSAGE = "unable to parse numeric part of quantity";
    static final String SUFFIX_MESSAGE = "unable to parse quantity's suffix";

    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO, Format.DECIMAL_SI);

    private static final int NANO_SCALE = 9;
    private static final BigDecimal NANO = BigDecimal.ONE.movePointLeft(NANO_SCALE);
    /**
     * Kubernetes sets no upper bound on decimal quantities; this one keeps arithmetic on hostile input
     * ({@code 1e999999999}) cheap, far above any real resource amount.
     */
    private static final int MAX_DECIMAL_EXPONENT = 1000;
    static final String TOO_LARGE_MESSAGE = "quantity too large: it must be less than 1e" + MAX_DECIMAL_EXPONENT;
    private static final BigDecimal MAX_BINARY = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal BINARY_PRINT_LIMIT = BigDecimal.valueOf(1024);
    private static final BigInteger BIG_1024 = BigInteger.valueOf(1024);
    private static final String SUFFIX_CHARS = "eEinumkKMGTP";
    private static final Map<String, Integer> DECIMAL_SUFFIXES = Map.of(
            "n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
    private static final Map<String, Integer> BINARY_SUFFIXES = Map.of(
            "Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);
    private static final String[] DECIMAL_BY_THOUSANDS = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
    private static final String[] BINARY_BY_POWER = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

    private final BigDecimal value;
    private final Format format;

    private Quantity(BigDecimal value, Format format) {
        this.value = value;
        this.format = format;
    }

    /** The quantity with exactly this value, printed in the given format. */
    public static Quantity of(BigDecimal value, Format format) {
        return new Quantity(value, format);
    }

    /** A whole number of units (cores, bytes, pods), printed as a decimal SI quantity. */
    public static Quantity of(long units) {
        return new Quantity(BigDecimal.valueOf(units), Format.DECIMAL_SI);
    }

    /** Thousandths of a unit ({@code 250} is {@code 250m}). */
    public static Quantity ofMillis(long millis) {
        return new Quantity(BigDecimal.valueOf(millis, 3), Format.DECIMAL_SI);
    }

    /** A whole number of bytes, printed with a binary suffix ({@code 1073741824} is {@code 1Gi}). */
    public static Quantity ofBytes(long bytes) {
        return new Quantity(BigDecimal.valueOf(bytes), Format.BINARY_SI);
    }

    /**
     * Parses text in Kubernetes quantity syntax.
     *
     * @throws IllegalArgumentException with Kubernetes' message when the text is not a quantity
     */
    public static Quantity parse(String text) {
        return new Parser(text).parse();
    }

    /** Whether {@link #parse} accepts the text. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The exact value. */
    public BigDecimal decimalValue() {
        return value;
    }

    public Format format() {
        return format;
    }

    /** The value rounded away from zero to a whole number, saturating at the range of a long. */
    public long value() {
        return roundedToLong(value);
    }

    /** The value in thousandths, rounded away from zero, saturating at the range of a long. */
    public long milliValue() {
        return roundedToLong(value.scaleByPowerOfTen(3));
    }

    public int signum() {
        return value.signum();
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    /** The sum, in this quantity's format (or the other's when this one is zero), as Kubernetes adds. */
    public Quantity add(Quantity other) {
        return new Quantity(value.add(other.value), isZero() ? other.format : format);
    }

    public Quantity subtract(Quantity other) {
        return new Quantity(value.subtract(other.value), isZero() ? other.format : format);
    }

    public Quantity negate() {
        return new Quantity(value.negate(), format);
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && value.compareTo(q.value) == 0;
    }

    @Override
    public int hashCode() {
        return isZero() ? 0 : value.stripTrailingZeros().hashCode();
    }

    /** The canonical form Kubernetes prints and serializes. */
    @JsonValue
    @Override
    public String toString() {
        if (isZero()) {
            return "0";
        }
        if (format == Format.BINARY_SI && value.abs().compareTo(BINARY_PRINT_LIMIT) >= 0 && isWhole(value)) {
            return binaryForm();
        }
        return decimalForm(format == Format.DECIMAL_EXPONENT);
    }

    private String binaryForm() {
        BigInteger mantissa = value.toBigIntegerExact();
        int power = 0;
        while (power < BINARY_BY_POWER.length - 1 && mantissa.mod(BIG_1024).signum() == 0) {
            mantissa = mantissa.divide(BIG_1024);
            power++;
        }
        return mantissa + BINARY_BY_POWER[power];
    }

    private String decimalForm(boolean exponentNotation) {
        BigDecimal stripped = value.stripTrailingZeros();
        BigInteger mantissa = stripped.unscaledValue();
        long exponent = -(long) stripped.scale();
        while (Math.floorMod(exponent, 3) != 0) {
            mantissa = mantissa.multiply(BigInteger.TEN);
            exponent--;
        }
        int index = (int) (exponent / 3) + 3;
        if (!exponentNotation && index >= 0 && index < DECIMAL_BY_THOUSANDS.length) {
            return mantissa + DECIMAL_BY_THOUSANDS[index];
        }
        return exponent == 0 ? mantissa.toString() : mantissa + "e" + exponent;
    }

    private static boolean isWhole(BigDecimal v) {
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }

    /** Compares before rounding, so a huge exponent never expands into a huge integer. */
    private static long roundedToLong(BigDecimal v) {
        if (v.compareTo(MAX_BINARY) > 0) {
            return Long.MAX_VALUE;
        }
        if (v.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return Long.MIN_VALUE;
        }
        return v.setScale(0, RoundingMode.UP).longValueExact();
    }

    /** A scanner following the quantity grammar: sign, digits, optional fraction, suffix. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text == null ? "" : text;
        }

        Quantity parse() {
            if (text.isEmpty()) {
                throw new IllegalArgumentException(FORMAT_MESSAGE);
            }
            boolean negative = false;
            if (text.charAt(0) == '-' || text.charAt(0) == '+') {
                negative = text.charAt(0) == '-';
                pos++;
            }
            String whole = digits();
            String fraction = "";
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
                fraction = digits();
            }
            String suffix = suffix();
            BigDecimal number = new BigDecimal((whole.isEmpty() ? "0" : whole)
                    + (fraction.isEmpty() ? "" : "." + fraction));
            return build(negative ? number.negate() : number, suffix);
        }

        private String digits() {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            return text.substring(start, pos);
        }

        private String suffix() {
            int start = pos;
            while (pos < text.length() && SUFFIX_CHARS.indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
                pos++;
            }
            digits();
            if (pos != text.length()) {
                throw new IllegalArgumentException(FORMAT_MESSAGE);
            }
            return text.substring(start);
        }

        private static Quantity build(BigDecimal number, String suffix) {
            Integer decimal = DECIMAL_SUFFIXES.get(suffix);
            Integer binary = BINARY_SUFFIXES.get(suffix);
            BigDecimal amount;
            Format format;
            if (decimal != null) {
                amount = number.scaleByPowerOfTen(decimal);
                format = Format.DECIMAL_SI;
            } else if (binary != null) {
                amount = number.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(binary)));
                format = Format.BINARY_SI;
            } else if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
                amount = scaled(number, exponent(suffix.substring(1)));
                format = Format.DECIMAL_EXPONENT;
            } else {
                throw new IllegalArgumentException(SUFFIX_MESSAGE);
            }
            return normalize(amount, format);
        }

        private static BigDecimal scaled(BigDecimal number, int exponent) {
            try {
                return number.scaleByPowerOfTen(exponent);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(NUMERIC_MESSAGE);
            }
        }

        private static int exponent(String digits) {
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(SUFFIX_MESSAGE);
            }
        }

        /** Rounds away from zero to nano precision and caps binary values, as Kubernetes does. */
        private static Quantity normalize(BigDecimal amount, Format format) {
            if (amount.signum() == 0) {
                return new Quantity(BigDecimal.ZERO, format);
            }
            BigDecimal magnitude = amount.abs();
            if ((long) magnitude.precision() - magnitude.scale() > MAX_DECIMAL_EXPONENT) {
                throw new IllegalArgumentException(TOO_LARGE_MESSAGE);
            }
            if ((long) magnitude.precision() - magnitude.scale() <= -NANO_SCALE) {
                magnitude = NANO;
            } else if (magnitude.scale() > NANO_SCALE) {
                magnitude = magnitude.setScale(NANO_SCALE, RoundingMode.UP);
            }
            if (format == Format.BINARY_SI && magnitude.compareTo(MAX_BINARY) > 0) {
                magnitude = MAX_BINARY;
            }
            if (format == Format.BINARY_SI && magnitude.compareTo(BigDecimal.ONE) < 0) {
                format = Format.DECIMAL_SI;
            }
            return new Quantity(amount.signum() < 0 ? magnitude.negate() : magnitude, format);
        }
    }
}
