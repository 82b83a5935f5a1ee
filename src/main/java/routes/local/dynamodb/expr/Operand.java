package routes.local.dynamodb.expr;

import java.util.Map;
import routes.local.dynamodb.value.ItemSize;
import routes.local.dynamodb.value.Value;

/** What a condition compares: a document path, a {@code :value}, or {@code size(path)}. */
sealed interface Operand permits DocumentPath, ValueRef, Operand.Size {

    /** The operand's value for this item, or null when the attribute is missing (or size() has no answer). */
    Value evaluate(Map<String, Value> item);

    void print(StringBuilder out, boolean debug);

    /**
     * {@code size(path)}: characters of a String as UTF-8 bytes, bytes of a Binary, elements of a set,
     * list or map (Developer Guide, "Condition and filter expressions, operators and functions").
     */
    record Size(Operand argument) implements Operand {

        @Override
        public Value evaluate(Map<String, Value> item) {
            Value value = argument.evaluate(item);
            long size = sizeOf(value);
            return size < 0 ? null : Value.n(size);
        }

        /** -1 for a missing value or a type size() does not measure. */
        static long sizeOf(Value value) {
            if (value instanceof Value.S || value instanceof Value.B) return ItemSize.of(value);
            if (value instanceof Value.SS ss) return ss.values().size();
            if (value instanceof Value.NS ns) return ns.values().size();
            if (value instanceof Value.BS bs) return bs.values().size();
            if (value instanceof Value.L list) return list.values().size();
            if (value instanceof Value.M map) return map.values().size();
            return -1;
        }

        @Override
        public void print(StringBuilder out, boolean debug) {
            out.append("size(");
            argument.print(out, debug);
            out.append(')');
        }
    }
}
