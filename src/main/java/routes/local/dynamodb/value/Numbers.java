package routes.local.dynamodb.value;

import java.math.BigDecimal;

/**
 * DynamoDB's number type: up to 38 significant digits, magnitude between 1E-130 and 9.99…E+125
 * (Developer Guide, "Supported data types: Number"), returned without leading or trailing zeros.
 */
public final class Numbers {

    private static final BigDecimal MAX = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal MIN_POSITIVE = new BigDecimal("1E-130");

    private Numbers() {}

    /** Parses a number as sent on the wire; throws {@link NumberFormatException} with AWS's wording. */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            throw new NumberFormatException("The parameter cannot be converted to a numeric value");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new NumberFormatException("The parameter cannot be converted to a numeric value: " + text);
        }
        return check(value);
    }

    /** Rejects a value DynamoDB cannot hold, and strips trailing zeros. */
    public static BigDecimal normalise(BigDecimal value) {
        return check(value);
    }

    private static BigDecimal check(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (stripped.precision() > 38) {
            throw new NumberFormatException("Attempting to store more than 38 significant digits in a Number");
        }
        BigDecimal abs = stripped.abs();
        if (abs.compareTo(MAX) > 0) {
            throw new NumberFormatException("Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (stripped.signum() != 0 && abs.compareTo(MIN_POSITIVE) < 0) {
            throw new NumberFormatException("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return stripped;
    }

    /** The wire form: plain notation where it is short, as DynamoDB answers ({@code 01.500} → {@code 1.5}). */
    public static String format(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        return stripped.toPlainString();
    }
}
