package routes.local.dynamodb.expr;

import java.util.Map;
import routes.local.dynamodb.value.Value;

/** A condition or filter expression ready to test items: the root of its syntax tree. */
final class ParsedCondition implements Condition {

    private final ConditionNode root;

    ParsedCondition(ConditionNode root) {
        this.root = root;
    }

    ConditionNode root() { return root; }

    @Override
    public boolean test(Map<String, Value> item) {
        return root.test(item);
    }

    /** The expression text with its placeholders; parsing it again gives the same tree. */
    String print() {
        StringBuilder out = new StringBuilder();
        root.print(out, false);
        return out.toString();
    }

    /** The expression with what each placeholder stands for, e.g. {@code #s(status) = :v(S[value=done])}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Condition[");
        root.print(out, true);
        return out.append(']').toString();
    }
}
