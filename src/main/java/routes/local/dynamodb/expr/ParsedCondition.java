package routes.local.dynamodb.expr;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
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

    @Override
    public Set<String> attributeNames() {
        Set<String> names = new LinkedHashSet<>();
        collect(root, names);
        return names;
    }

    private static void collect(ConditionNode node, Set<String> names) {
        if (node instanceof ConditionNode.Comparison c) {
            collect(c.left(), names);
            collect(c.right(), names);
        } else if (node instanceof ConditionNode.Between b) {
            collect(b.operand(), names);
            collect(b.lower(), names);
            collect(b.upper(), names);
        } else if (node instanceof ConditionNode.In in) {
            collect(in.operand(), names);
            in.candidates().forEach(candidate -> collect(candidate, names));
        } else if (node instanceof ConditionNode.And and) {
            collect(and.left(), names);
            collect(and.right(), names);
        } else if (node instanceof ConditionNode.Or or) {
            collect(or.left(), names);
            collect(or.right(), names);
        } else if (node instanceof ConditionNode.Not not) {
            collect(not.condition(), names);
        } else if (node instanceof ConditionNode.AttributeExists exists) {
            collect(exists.path(), names);
        } else if (node instanceof ConditionNode.AttributeNotExists notExists) {
            collect(notExists.path(), names);
        } else if (node instanceof ConditionNode.AttributeType type) {
            collect(type.operand(), names);
        } else if (node instanceof ConditionNode.BeginsWith begins) {
            collect(begins.operand(), names);
            collect(begins.prefix(), names);
        } else if (node instanceof ConditionNode.Contains contains) {
            collect(contains.operand(), names);
            collect(contains.element(), names);
        }
    }

    private static void collect(Operand operand, Set<String> names) {
        if (operand instanceof DocumentPath path) {
            names.add(path.resolved().topLevel());
        } else if (operand instanceof Operand.Size size) {
            collect(size.argument(), names);
        }
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
