package routes.local.dynamodb.value;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * How DynamoDB orders scalar values (Developer Guide, "Comparison operator and function reference"):
 * numbers numerically, strings by the unsigned bytes of their UTF-8 encoding, binary by unsigned bytes.
 * Values of different types are not ordered: {@link #comparable} says whether two are.
 */
public final class ValueOrder {

    /** Orders key values of one type (S, N or B); the caller guarantees the types match. */
    public static final Comparator<Value> KEYS = ValueOrder::compare;

    private ValueOrder() {}

    public static boolean comparable(Value a, Value b) {
        return a.type() == b.type() && (a instanceof Value.S || a instanceof Value.N || a instanceof Value.B);
    }

    /** Compares two S, two N or two B values; throws IllegalArgumentException for anything else. */
    public static int compare(Value a, Value b) {
        if (a instanceof Value.N x && b instanceof Value.N y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof Value.S x && b instanceof Value.S y) {
            return compareUtf8(x.value(), y.value());
        }
        if (a instanceof Value.B x && b instanceof Value.B y) {
            return x.value().compareTo(y.value());
        }
        throw new IllegalArgumentException("Not comparable: " + a.type() + " and " + b.type());
    }

    /** UTF-8 byte order; for strings without surrogates it equals code point order, which is cheaper. */
    static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
