package routes.local.dynamodb.value;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One DynamoDB attribute value, immutable. Numbers are held normalised (see {@link Numbers});
 * sets keep their insertion order for output but compare as sets.
 */
public sealed interface Value {

    /** The type descriptor AWS uses on the wire and in {@code attribute_type}. */
    Type type();

    enum Type { S, N, B, BOOL, NULL, L, M, SS, NS, BS }

    record S(String value) implements Value {
        public S { Objects.requireNonNull(value, "value"); }
        public Type type() { return Type.S; }
    }

    /** A number, normalised: no trailing zeros, 38 significant digits at most. */
    record N(BigDecimal value) implements Value {
        public N { value = Numbers.normalise(value); }
        public Type type() { return Type.N; }
        @Override public boolean equals(Object o) { return o instanceof N n && n.value.compareTo(value) == 0; }
        @Override public int hashCode() { return value.stripTrailingZeros().hashCode(); }
        @Override public String toString() { return "N(" + Numbers.format(value) + ")"; }
    }

    record B(Bytes value) implements Value {
        public B { Objects.requireNonNull(value, "value"); }
        public Type type() { return Type.B; }
    }

    record Bool(boolean value) implements Value {
        public Type type() { return Type.BOOL; }
    }

    /** DynamoDB's NULL type: {@code {"NULL": true}}. */
    record Null() implements Value {
        public Type type() { return Type.NULL; }
    }

    record L(List<Value> values) implements Value {
        public L { values = List.copyOf(values); }
        public Type type() { return Type.L; }
    }

    record M(Map<String, Value> values) implements Value {
        public M { values = Collections.unmodifiableMap(new LinkedHashMap<>(values)); }
        public Type type() { return Type.M; }
    }

    record SS(Set<String> values) implements Value {
        public SS { values = Collections.unmodifiableSet(new LinkedHashSet<>(values)); }
        public Type type() { return Type.SS; }
    }

    /** A number set; members are normalised, so {@code 1} and {@code 1.0} are one member. */
    record NS(Set<BigDecimal> values) implements Value {
        public NS {
            Set<BigDecimal> normalised = new LinkedHashSet<>();
            values.forEach(n -> normalised.add(Numbers.normalise(n)));
            values = Collections.unmodifiableSet(normalised);
        }
        public Type type() { return Type.NS; }
    }

    record BS(Set<Bytes> values) implements Value {
        public BS { values = Collections.unmodifiableSet(new LinkedHashSet<>(values)); }
        public Type type() { return Type.BS; }
    }

    static Value s(String s) { return new S(s); }

    static Value n(String number) { return new N(Numbers.parse(number)); }

    static Value n(long number) { return new N(BigDecimal.valueOf(number)); }

    static Value bool(boolean b) { return new Bool(b); }

    static Value nul() { return new Null(); }

    /** Binary content with value equality (a byte[] has identity equality). */
    record Bytes(byte[] bytes) implements Comparable<Bytes> {
        public Bytes { bytes = bytes.clone(); }
        public byte[] bytes() { return bytes.clone(); }
        public int length() { return bytes.length; }
        public static Bytes ofBase64(String base64) { return new Bytes(Base64.getDecoder().decode(base64)); }
        public String base64() { return Base64.getEncoder().encodeToString(bytes); }
        /** Unsigned byte order, as DynamoDB sorts binary keys. */
        @Override public int compareTo(Bytes o) { return Arrays.compareUnsigned(bytes, o.bytes); }
        @Override public boolean equals(Object o) { return o instanceof Bytes b && Arrays.equals(bytes, b.bytes); }
        @Override public int hashCode() { return Arrays.hashCode(bytes); }
        @Override public String toString() { return "Bytes(" + base64() + ")"; }
    }
}
