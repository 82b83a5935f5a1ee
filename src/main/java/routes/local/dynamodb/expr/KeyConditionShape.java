package routes.local.dynamodb.expr;

import java.util.ArrayList;
import java.util.List;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.expr.KeyCondition.Operator;
import routes.local.dynamodb.expr.KeyCondition.SortKeyCondition;
import routes.local.dynamodb.value.Value;

/**
 * Turns a parsed KeyConditionExpression into a {@link KeyCondition}, rejecting what Query does not
 * accept (Developer Guide, "Key condition expressions for Query"): OR, NOT, IN, {@code <>}, functions
 * other than begins_with, nested paths, more than one condition per key.
 */
final class KeyConditionShape {

    private record Leaf(String name, Operator operator, Value value, Value upper) {}

    private KeyConditionShape() {}

    static KeyCondition of(ConditionNode root) {
        List<ConditionNode> conditions = new ArrayList<>(2);
        flatten(root, conditions);
        List<Leaf> leaves = new ArrayList<>(2);
        for (ConditionNode condition : conditions) {
            Leaf leaf = leaf(condition);
            for (Leaf other : leaves) {
                if (other.name.equals(leaf.name)) throw invalid("KeyConditionExpressions must only contain one condition per key");
            }
            leaves.add(leaf);
        }
        if (leaves.size() > 2) throw invalid("Conditions can be of length 1 or 2 only");
        Leaf first = leaves.get(0);
        Leaf second = leaves.size() == 2 ? leaves.get(1) : null;
        Leaf partition = first.operator == Operator.EQ ? first : second != null && second.operator == Operator.EQ ? second : null;
        if (partition == null) throw invalid("Query key condition not supported");
        Leaf sort = partition == first ? second : first;
        return new KeyCondition(partition.name, partition.value,
                sort == null ? null : new SortKeyCondition(sort.name, sort.operator, sort.value, sort.upper));
    }

    private static void flatten(ConditionNode node, List<ConditionNode> out) {
        if (node instanceof ConditionNode.And and) {
            flatten(and.left(), out);
            flatten(and.right(), out);
        } else if (node instanceof ConditionNode.Or) {
            throw invalidOperator("OR");
        } else if (node instanceof ConditionNode.Not) {
            throw invalidOperator("NOT");
        } else {
            out.add(node);
        }
    }

    private static Leaf leaf(ConditionNode node) {
        if (node instanceof ConditionNode.Comparison comparison) {
            if (comparison.comparator() == ConditionNode.Comparator.NE) throw invalidOperator("<>");
            if (comparison.left() instanceof Operand.Size || comparison.right() instanceof Operand.Size) {
                throw invalid("KeyConditionExpressions cannot contain nested operations");
            }
            boolean keyOnLeft = comparison.left() instanceof DocumentPath;
            boolean keyOnRight = comparison.right() instanceof DocumentPath;
            if (keyOnLeft && keyOnRight) throw invalid("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
            if (!keyOnLeft && !keyOnRight) throw invalid("Invalid condition in KeyConditionExpression: No key attribute specified");
            Operator operator = operator(comparison.comparator());
            if (keyOnLeft) return new Leaf(keyName(comparison.left()), operator, value(comparison.right()), null);
            return new Leaf(keyName(comparison.right()), mirrored(operator), value(comparison.left()), null);
        }
        if (node instanceof ConditionNode.Between between) {
            if (!(between.operand() instanceof DocumentPath)) {
                throw invalid("Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand");
            }
            return new Leaf(keyName(between.operand()), Operator.BETWEEN, value(between.lower()), value(between.upper()));
        }
        if (node instanceof ConditionNode.BeginsWith beginsWith) {
            if (!(beginsWith.operand() instanceof DocumentPath)) {
                throw invalid("Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand");
            }
            return new Leaf(keyName(beginsWith.operand()), Operator.BEGINS_WITH, value(beginsWith.prefix()), null);
        }
        if (node instanceof ConditionNode.In) throw invalidOperator("IN");
        if (node instanceof ConditionNode.AttributeExists) throw invalidOperator("attribute_exists");
        if (node instanceof ConditionNode.AttributeNotExists) throw invalidOperator("attribute_not_exists");
        if (node instanceof ConditionNode.AttributeType) throw invalidOperator("attribute_type");
        throw invalidOperator("contains");
    }

    private static String keyName(Operand operand) {
        AttributePath path = ((DocumentPath) operand).resolved();
        if (!path.isTopLevel()) throw invalid("KeyConditionExpressions cannot have conditions on nested attributes");
        return path.topLevel();
    }

    private static Value value(Operand operand) {
        if (operand instanceof ValueRef ref) return ref.value();
        if (operand instanceof Operand.Size) throw invalid("KeyConditionExpressions cannot contain nested operations");
        throw invalid("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
    }

    private static Operator operator(ConditionNode.Comparator comparator) {
        return switch (comparator) {
            case EQ -> Operator.EQ;
            case LT -> Operator.LT;
            case LE -> Operator.LE;
            case GT -> Operator.GT;
            case GE -> Operator.GE;
            case NE -> throw invalidOperator("<>");
        };
    }

    /** {@code :v < sk} is {@code sk > :v}. */
    private static Operator mirrored(Operator operator) {
        return switch (operator) {
            case LT -> Operator.GT;
            case LE -> Operator.GE;
            case GT -> Operator.LT;
            case GE -> Operator.LE;
            default -> operator;
        };
    }

    private static DynamoDbException invalidOperator(String operator) {
        return invalid("Invalid operator used in KeyConditionExpression: " + operator);
    }

    private static DynamoDbException invalid(String message) {
        return DynamoDbException.validation(message);
    }
}
