package routes.local.dynamodb.value;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An item's size as DynamoDB counts it against the 400 KB item limit and the 1 MB page limit
 * (Developer Guide, "Item sizes and formats"): attribute names in UTF-8 bytes plus each value;
 * a number about one byte per two significant digits plus one; list and map one byte per element
 * plus three bytes of overhead; null and Boolean one byte.
 */
public final class ItemSize {

    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {}

    public static long of(Map<String, Value> item) {
        long size = 0;
        for (Map.Entry<String, Value> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + of(attribute.getValue());
        }
        return size;
    }

    public static long of(Value value) {
        if (value instanceof Value.S s) return utf8(s.value());
        if (value instanceof Value.N n) return numberSize(n.value());
        if (value instanceof Value.B b) return b.value().length();
        if (value instanceof Value.Bool || value instanceof Value.Null) return 1;
        if (value instanceof Value.L l) {
            long size = 3;
            for (Value element : l.values()) size += 1 + of(element);
            return size;
        }
        if (value instanceof Value.M m) {
            long size = 3;
            for (Map.Entry<String, Value> e : m.values().entrySet()) size += 1 + utf8(e.getKey()) + of(e.getValue());
            return size;
        }
        if (value instanceof Value.SS ss) return ss.values().stream().mapToLong(ItemSize::utf8).sum();
        if (value instanceof Value.NS ns) return ns.values().stream().mapToLong(ItemSize::numberSize).sum();
        if (value instanceof Value.BS bs) return bs.values().stream().mapToLong(Value.Bytes::length).sum();
        throw new IllegalArgumentException("Unknown value " + value);
    }

    private static long numberSize(java.math.BigDecimal n) {
        int digits = n.signum() == 0 ? 1 : n.stripTrailingZeros().precision();
        return (digits + 1) / 2 + 1;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
