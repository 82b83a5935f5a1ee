package routes.local.dynamodb.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.value.Numbers;
import routes.local.dynamodb.value.Value;

/**
 * The right-hand side of a SET action: a path, a {@code :value}, {@code if_not_exists},
 * {@code list_append}, or one of those plus or minus another (Developer Guide, "Update expressions").
 */
sealed interface UpdateValue permits DocumentPath, ValueRef, UpdateValue.IfNotExists, UpdateValue.ListAppend, UpdateValue.Arithmetic {

    /** The value against the item as it was before the update; throws AWS's run-time ValidationExceptions. */
    Value compute(Map<String, Value> item);

    void print(StringBuilder out, boolean debug);

    static DynamoDbException incorrectDataType() {
        return DynamoDbException.validation("An operand in the update expression has an incorrect data type");
    }

    record IfNotExists(DocumentPath path, UpdateValue fallback) implements UpdateValue {
        @Override public Value compute(Map<String, Value> item) {
            Value existing = path.evaluate(item);
            return existing != null ? existing : fallback.compute(item);
        }
        @Override public void print(StringBuilder out, boolean debug) {
            out.append("if_not_exists(");
            path.print(out, debug);
            out.append(", ");
            fallback.print(out, debug);
            out.append(')');
        }
    }

    record ListAppend(UpdateValue first, UpdateValue second) implements UpdateValue {
        @Override public Value compute(Map<String, Value> item) {
            Value head = first.compute(item);
            Value tail = second.compute(item);
            if (!(head instanceof Value.L h) || !(tail instanceof Value.L t)) throw incorrectDataType();
            List<Value> joined = new ArrayList<>(h.values().size() + t.values().size());
            joined.addAll(h.values());
            joined.addAll(t.values());
            return new Value.L(joined);
        }
        @Override public void print(StringBuilder out, boolean debug) {
            out.append("list_append(");
            first.print(out, debug);
            out.append(", ");
            second.print(out, debug);
            out.append(')');
        }
    }

    /** {@code left + right} or {@code left - right} on Numbers; the result keeps DynamoDB's 38 digits or fails. */
    record Arithmetic(boolean plus, UpdateValue left, UpdateValue right) implements UpdateValue {
        @Override public Value compute(Map<String, Value> item) {
            Value a = left.compute(item);
            Value b = right.compute(item);
            if (!(a instanceof Value.N x) || !(b instanceof Value.N y)) throw incorrectDataType();
            return number(plus ? x.value().add(y.value()) : x.value().subtract(y.value()));
        }
        @Override public void print(StringBuilder out, boolean debug) {
            left.print(out, debug);
            out.append(plus ? " + " : " - ");
            right.print(out, debug);
        }
    }

    /** An exact result checked against DynamoDB's number range and precision. */
    static Value number(BigDecimal exact) {
        try {
            return new Value.N(Numbers.normalise(exact));
        } catch (NumberFormatException e) {
            throw DynamoDbException.validation(e.getMessage());
        }
    }
}
