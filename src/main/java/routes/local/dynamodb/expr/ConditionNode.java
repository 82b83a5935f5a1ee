package routes.local.dynamodb.expr;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import routes.local.dynamodb.value.Value;
import routes.local.dynamodb.value.ValueOrder;

/**
 * The syntax tree of a condition or filter, which also evaluates it (Developer Guide, "Condition and
 * filter expressions, operators and functions"). Comparing values of different types is false, not an
 * error; a missing attribute makes every comparison false except {@code <>}.
 */
sealed interface ConditionNode {

    /** Binding strength, for printing parentheses only where the parser needs them. */
    int OR = 1, AND = 2, NOT = 3, LEAF = 4;

    boolean test(Map<String, Value> item);

    void print(StringBuilder out, boolean debug);

    default int precedence() { return LEAF; }

    enum Comparator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Comparator(String symbol) { this.symbol = symbol; }

        boolean holds(Value left, Value right) {
            if (this == EQ) return left != null && left.equals(right);
            if (this == NE) return left == null || !left.equals(right);
            if (left == null || right == null || !ValueOrder.comparable(left, right)) return false;
            int order = ValueOrder.compare(left, right);
            return switch (this) {
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                default -> order >= 0;
            };
        }
    }

    record Comparison(Comparator comparator, Operand left, Operand right) implements ConditionNode {
        @Override public boolean test(Map<String, Value> item) {
            return comparator.holds(left.evaluate(item), right.evaluate(item));
        }
        @Override public void print(StringBuilder out, boolean debug) {
            left.print(out, debug);
            out.append(' ').append(comparator.symbol).append(' ');
            right.print(out, debug);
        }
    }

    record Between(Operand operand, Operand lower, Operand upper) implements ConditionNode {
        @Override public boolean test(Map<String, Value> item) {
            Value value = operand.evaluate(item);
            return Comparator.GE.holds(value, lower.evaluate(item)) && Comparator.LE.holds(value, upper.evaluate(item));
        }
        @Override public void print(StringBuilder out, boolean debug) {
            operand.print(out, debug);
            out.append(" BETWEEN ");
            lower.print(out, debug);
            out.append(" AND ");
            upper.print(out, debug);
        }
    }

    record In(Operand operand, List<Operand> candidates) implements ConditionNode {
        public In { candidates = List.copyOf(candidates); }
        @Override public boolean test(Map<String, Value> item) {
            Value value = operand.evaluate(item);
            if (value == null) return false;
            for (Operand candidate : candidates) {
                if (value.equals(candidate.evaluate(item))) return true;
            }
            return false;
        }
        @Override public void print(StringBuilder out, boolean debug) {
            operand.print(out, debug);
            out.append(" IN (");
            for (int i = 0; i < candidates.size(); i++) {
                if (i > 0) out.append(", ");
                candidates.get(i).print(out, debug);
            }
            out.append(')');
        }
    }

    record And(ConditionNode left, ConditionNode right) implements ConditionNode {
        @Override public boolean test(Map<String, Value> item) { return left.test(item) && right.test(item); }
        @Override public int precedence() { return AND; }
        @Override public void print(StringBuilder out, boolean debug) {
            printOperand(out, left, left.precedence() < AND, debug);
            out.append(" AND ");
            // the parser groups to the left, so a right-hand AND needs its parentheses back
            printOperand(out, right, right.precedence() <= AND, debug);
        }
    }

    record Or(ConditionNode left, ConditionNode right) implements ConditionNode {
        @Override public boolean test(Map<String, Value> item) { return left.test(item) || right.test(item); }
        @Override public int precedence() { return OR; }
        @Override public void print(StringBuilder out, boolean debug) {
            printOperand(out, left, false, debug);
            out.append(" OR ");
            printOperand(out, right, right.precedence() <= OR, debug);
        }
    }

    record Not(ConditionNode condition) implements ConditionNode {
        @Override public boolean test(Map<String, Value> item) { return !condition.test(item); }
        @Override public int precedence() { return NOT; }
        @Override public void print(StringBuilder out, boolean debug) {
            out.append("NOT ");
            printOperand(out, condition, condition.precedence() < NOT, debug);
        }
    }

    record AttributeExists(DocumentPath path) implements ConditionNode {
        @Override public boolean test(Map<String, Value> item) { return path.evaluate(item) != null; }
        @Override public void print(StringBuilder out, boolean debug) { printCall(out, "attribute_exists", debug, path); }
    }

    record AttributeNotExists(DocumentPath path) implements ConditionNode {
        @Override public boolean test(Map<String, Value> item) { return path.evaluate(item) == null; }
        @Override public void print(StringBuilder out, boolean debug) { printCall(out, "attribute_not_exists", debug, path); }
    }

    /** {@code attribute_type(path, :t)}; the parser has checked that :t names a type. */
    record AttributeType(Operand operand, Operand type) implements ConditionNode {
        @Override public boolean test(Map<String, Value> item) {
            Value value = operand.evaluate(item);
            return value != null && type.evaluate(item) instanceof Value.S name && value.type().name().equals(name.value());
        }
        @Override public void print(StringBuilder out, boolean debug) { printCall(out, "attribute_type", debug, operand, type); }
    }

    /** {@code begins_with(path, :prefix)} on Strings or Binaries. */
    record BeginsWith(Operand operand, Operand prefix) implements ConditionNode {
        @Override public boolean test(Map<String, Value> item) {
            Value value = operand.evaluate(item);
            Value start = prefix.evaluate(item);
            if (value instanceof Value.S s && start instanceof Value.S p) return s.value().startsWith(p.value());
            if (value instanceof Value.B b && start instanceof Value.B p) {
                byte[] bytes = b.value().bytes();
                byte[] head = p.value().bytes();
                return head.length <= bytes.length && Arrays.equals(bytes, 0, head.length, head, 0, head.length);
            }
            return false;
        }
        @Override public void print(StringBuilder out, boolean debug) { printCall(out, "begins_with", debug, operand, prefix); }
    }

    /** {@code contains(path, operand)}: a substring of a String, a member of a set, an element of a list. */
    record Contains(Operand operand, Operand element) implements ConditionNode {
        @Override public boolean test(Map<String, Value> item) {
            Value container = operand.evaluate(item);
            Value wanted = element.evaluate(item);
            if (container == null || wanted == null) return false;
            if (container instanceof Value.S s) return wanted instanceof Value.S w && s.value().contains(w.value());
            if (container instanceof Value.SS ss) return wanted instanceof Value.S w && ss.values().contains(w.value());
            if (container instanceof Value.NS ns) return wanted instanceof Value.N w && ns.values().contains(w.value());
            if (container instanceof Value.BS bs) return wanted instanceof Value.B w && bs.values().contains(w.value());
            if (container instanceof Value.L list) return list.values().contains(wanted);
            return false;
        }
        @Override public void print(StringBuilder out, boolean debug) { printCall(out, "contains", debug, operand, element); }
    }

    private static void printOperand(StringBuilder out, ConditionNode node, boolean parenthesize, boolean debug) {
        if (parenthesize) out.append('(');
        node.print(out, debug);
        if (parenthesize) out.append(')');
    }

    private static void printCall(StringBuilder out, String function, boolean debug, Operand... arguments) {
        out.append(function).append('(');
        for (int i = 0; i < arguments.length; i++) {
            if (i > 0) out.append(", ");
            arguments[i].print(out, debug);
        }
        out.append(')');
    }
}
