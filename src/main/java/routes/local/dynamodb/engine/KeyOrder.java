package routes.local.dynamodb.engine;

import java.util.Comparator;
import routes.local.dynamodb.value.Value;
import routes.local.dynamodb.value.ValueOrder;

/**
 * The order of key values inside the engine's sorted maps: {@link ValueOrder}'s, but strings compare
 * by code point without encoding them (UTF-8 byte order equals code point order), because every
 * map lookup compares several keys. A null sort key (hash-only tables) equals another null.
 */
final class KeyOrder {

    static final Comparator<Value> VALUES = KeyOrder::compare;

    private KeyOrder() {}

    static int compare(Value a, Value b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a instanceof Value.S x && b instanceof Value.S y) {
            return compareCodePoints(x.value(), y.value());
        }
        return ValueOrder.compare(a, b);
    }

    /** UTF-16 order differs from code point order only where a surrogate meets U+E000..U+FFFF. */
    static int compareCodePoints(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return Integer.compare(fixUp(x), fixUp(y));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int fixUp(char c) {
        if (c < 0xD800) {
            return c;
        }
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
