package routes.local.dynamodb.expr;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import routes.local.dynamodb.value.Value;

/** Short ways to write items, values and placeholder maps in the expression tests. */
final class TestValues {

    private TestValues() {}

    static Value s(String s) { return Value.s(s); }

    static Value n(String n) { return Value.n(n); }

    static Value n(long n) { return Value.n(n); }

    static Value b(int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) raw[i] = (byte) bytes[i];
        return new Value.B(new Value.Bytes(raw));
    }

    static Value list(Value... values) { return new Value.L(List.of(values)); }

    static Value ss(String... members) { return new Value.SS(new LinkedHashSet<>(Arrays.asList(members))); }

    static Value ns(String... members) {
        Set<BigDecimal> set = new LinkedHashSet<>();
        for (String member : members) set.add(new BigDecimal(member));
        return new Value.NS(set);
    }

    static Value bs(Value... binaries) {
        Set<Value.Bytes> set = new LinkedHashSet<>();
        for (Value binary : binaries) set.add(((Value.B) binary).value());
        return new Value.BS(set);
    }

    /** {@code map("a", s("x"), "b", n(1))}. */
    static Value map(Object... keysAndValues) { return new Value.M(item(keysAndValues)); }

    static Map<String, Value> item(Object... keysAndValues) {
        Map<String, Value> item = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) item.put((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
        return item;
    }

    /** {@code names("#a", "a", "#b", "b")}. */
    static Map<String, String> names(String... placeholdersAndNames) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < placeholdersAndNames.length; i += 2) names.put(placeholdersAndNames[i], placeholdersAndNames[i + 1]);
        return names;
    }

    static ExpressionAttributes values(Object... placeholdersAndValues) {
        return new ExpressionAttributes(null, placeholdersAndValues.length == 0 ? null : item(placeholdersAndValues));
    }

    static ExpressionAttributes attributes(Map<String, String> names, Object... placeholdersAndValues) {
        return new ExpressionAttributes(names, placeholdersAndValues.length == 0 ? null : item(placeholdersAndValues));
    }
}
