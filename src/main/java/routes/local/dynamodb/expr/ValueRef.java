package routes.local.dynamodb.expr;

import java.util.Map;
import routes.local.dynamodb.value.Value;

/** A {@code :placeholder} in an expression's syntax tree and the value ExpressionAttributeValues gives it (null when undefined). */
record ValueRef(String placeholder, Value value) implements Operand, UpdateValue {

    @Override
    public Value evaluate(Map<String, Value> item) {
        return value;
    }

    @Override
    public Value compute(Map<String, Value> item) {
        return value;
    }

    @Override
    public void print(StringBuilder out, boolean debug) {
        out.append(placeholder);
        if (debug) out.append('(').append(value).append(')');
    }
}
